package org.openmilkbank.lab.analyser.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.util.UUID;
import org.openmilkbank.lab.analyser.AnalyserFileRefused;
import org.openmilkbank.lab.analyser.AnalyserImports;
import org.openmilkbank.lab.analyser.AnalyserInstruments;
import org.openmilkbank.lab.analyser.AnalyserResultView;
import org.openmilkbank.lab.analyser.AnalyserResults;
import org.openmilkbank.lab.analyser.ImportOutcome;
import org.openmilkbank.lab.analyser.InstrumentView;
import org.openmilkbank.lab.analyser.RowError;
import org.openmilkbank.labeling.Nutrients;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The milk analyser over JSON: instruments (defined, amended with a reason, retired), file imports and results. */
@RestController
@RequestMapping("/api/v1/lab/analysers")
@PreAuthorize(AnalyserRoles.VIEW)
class AnalyserApiController {

    private final AnalyserInstruments instruments;
    private final AnalyserImports imports;
    private final AnalyserResults results;
    private final Messages messages;

    AnalyserApiController(
            AnalyserInstruments instruments, AnalyserImports imports, AnalyserResults results, Messages messages) {
        this.instruments = instruments;
        this.imports = imports;
        this.results = results;
        this.messages = messages;
    }

    /** A bad row as the API tells it: its number, column, what it held, the coded problem and its words. */
    record RowProblemBody(int row, String column, String value, String problem, String reason) {}

    @GetMapping
    @PreAuthorize(AnalyserRoles.VIEW)
    Paged<InstrumentView> instruments(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(instruments.all(), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize(AnalyserRoles.VIEW)
    InstrumentView instrument(@PathVariable UUID id) {
        return instruments.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(AnalyserRoles.ACT)
    InstrumentView define(@Valid @RequestBody AnalyserForms.InstrumentForm body) {
        return instruments.define(body.details());
    }

    @PutMapping("/{id}")
    @PreAuthorize(AnalyserRoles.ACT)
    InstrumentView amend(@PathVariable UUID id, @Valid @RequestBody AnalyserForms.InstrumentForm body) {
        return instruments.amend(id, body.details(), body.reason());
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize(AnalyserRoles.ACT)
    InstrumentView retire(@PathVariable UUID id, @Valid @RequestBody AnalyserForms.ReasonForm body) {
        return instruments.retire(id, body.reason());
    }

    @PostMapping(path = "/{id}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(AnalyserRoles.ACT)
    ImportOutcome importFile(@PathVariable UUID id, @RequestPart(name = "file", required = false) MultipartFile file) {
        return imports.importFile(id, file == null ? null : file.getOriginalFilename(), bytes(file));
    }

    @GetMapping("/results")
    @PreAuthorize(AnalyserRoles.VIEW)
    Paged<AnalyserResultView> results(
            @RequestParam(required = false) UUID unit,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if (unit != null) {
            return Paged.slice(results.ofUnit(unit), PageRequest.of(page, size));
        }
        return results.recent(PageRequest.of(page, size));
    }

    @GetMapping("/imports/{importId}/results")
    @PreAuthorize(AnalyserRoles.VIEW)
    Paged<AnalyserResultView> importResults(
            @PathVariable UUID importId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        results.importOf(importId);
        return Paged.slice(results.ofImport(importId), PageRequest.of(page, size));
    }

    @PostMapping("/results/{resultId}/void")
    @PreAuthorize(AnalyserRoles.ACT)
    AnalyserResultView voidResult(@PathVariable UUID resultId, @Valid @RequestBody AnalyserForms.ReasonForm body) {
        return results.voidResult(resultId, body.reason());
    }

    @GetMapping("/units/{unitId}/latest")
    @PreAuthorize(AnalyserRoles.VIEW)
    Nutrients latest(@PathVariable UUID unitId) {
        return results.latestFor(unitId);
    }

    /** A file with bad rows: 422 naming each row and why, nothing imported. */
    @ExceptionHandler(AnalyserFileRefused.class)
    ProblemDetail refusedRows(AnalyserFileRefused refused) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, messages.of(refused));
        problem.setTitle(messages.get("error.refused.title"));
        problem.setProperty("code", refused.code());
        problem.setProperty(
                "rows",
                refused.rows().stream()
                        .map(r -> new RowProblemBody(
                                r.row(), r.column(), r.value(), r.problem().name(), reason(r)))
                        .toList());
        return problem;
    }

    private String reason(RowError row) {
        return messages.of(Said.label(row.problem()));
    }

    static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new RuleViolation("lab.analyser.file.empty").on("file");
        }
        if (file.getSize() > org.openmilkbank.lab.analyser.AnalyserImports.MAX_FILE_BYTES) {
            throw new RuleViolation(
                            "lab.analyser.file.tooLarge",
                            org.openmilkbank.lab.analyser.AnalyserImports.MAX_FILE_BYTES / (1024 * 1024))
                    .on("file");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new RuleViolation("lab.analyser.file.unreadable").on("file");
        }
    }
}
