package org.openmilkbank.lab.procedure.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.openmilkbank.lab.procedure.BenchWorksheet;
import org.openmilkbank.lab.procedure.Procedure;
import org.openmilkbank.lab.procedure.ProcedureVersionView;
import org.openmilkbank.lab.procedure.ProcedureView;
import org.openmilkbank.lab.procedure.Procedures;
import org.openmilkbank.standards.Standards;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The procedures and the bench worksheet over the API. */
@RestController
@RequestMapping("/api/v1/lab")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN')")
class ProcedureApiController {

    private final Procedures procedures;
    private final BenchWorksheet worksheet;
    private final Standards standards;

    ProcedureApiController(Procedures procedures, BenchWorksheet worksheet, Standards standards) {
        this.procedures = procedures;
        this.worksheet = worksheet;
        this.standards = standards;
    }

    @GetMapping("/procedures/{code}")
    ProcedureView procedure(
            @PathVariable String code,
            @RequestParam(name = "profile", required = false) String profile,
            @RequestParam(name = "version", required = false) Integer version) {
        return procedures.of(profileOr(profile), ProcedureController.procedure(code), version);
    }

    @GetMapping("/procedures/{code}/versions")
    List<ProcedureVersionView> versions(
            @PathVariable String code, @RequestParam(name = "profile", required = false) String profile) {
        return procedures.versions(profileOr(profile), ProcedureController.procedure(code));
    }

    @PostMapping("/procedures/{code}/edits")
    @PreAuthorize("hasRole('ADMIN')")
    ProcedureView edit(@PathVariable String code, @Valid @RequestBody ProcedureForms.EditForm form) {
        Procedure procedure = ProcedureController.procedure(code);
        return procedures.edit(
                profileOr(form.profile()), procedure, form.change(), form.position(), form.text(), form.reason());
    }

    @GetMapping("/worksheet.pdf")
    ResponseEntity<byte[]> worksheet(Locale locale) {
        return ProcedureController.pdf(worksheet.pdf(locale));
    }

    /** The label of a sample's tube (PDF, 50 × 25 mm). */
    @GetMapping("/samples/{id}/label.pdf")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('LAB_TECHNICIAN')")
    ResponseEntity<byte[]> sampleLabel(
            @org.springframework.web.bind.annotation.PathVariable java.util.UUID id, Locale locale) {
        return ProcedureController.pdf(worksheet.sampleLabel(id, locale));
    }

    private String profileOr(String profile) {
        return profile == null || profile.isBlank() ? standards.activeProfile().code() : profile;
    }
}
