package org.openmilkbank.lab.web;

import java.util.UUID;
import org.openmilkbank.lab.CultureReadImports;
import org.openmilkbank.shared.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Culture reads imported from a CSV file (multipart {@code file}), all or nothing; an import's record. */
@RestController
@RequestMapping("/api/v1/lab/culture-reads")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN')")
class CultureImportApiController {

    /** A refused row as the API answers it: the reason in the reader's language beside its code. */
    record RowProblem(int row, String column, String value, String code, String reason) {}

    private final CultureReadImports imports;
    private final Messages messages;

    CultureImportApiController(CultureReadImports imports, Messages messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    CultureReadImports.ImportView importFile(@RequestPart(name = "file", required = false) MultipartFile file) {
        return imports.importFile(
                file == null ? null : file.getOriginalFilename(), CultureImportController.bytes(file));
    }

    @GetMapping("/imports/{id}")
    CultureReadImports.ImportView record(@PathVariable UUID id) {
        return imports.find(id);
    }

    /** A file with bad rows: 422 naming each row and why, nothing imported. */
    @ExceptionHandler(CultureReadImports.Refused.class)
    ProblemDetail refusedRows(CultureReadImports.Refused refused) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, messages.of(refused));
        problem.setTitle(messages.get("error.refused.title"));
        problem.setProperty("code", refused.code());
        problem.setProperty(
                "rows",
                refused.rows().stream()
                        .map(r -> new RowProblem(
                                r.row(),
                                r.column() == null ? null : r.column().header(),
                                r.value(),
                                r.reason().key(),
                                messages.of(r.reason())))
                        .toList());
        return problem;
    }
}
