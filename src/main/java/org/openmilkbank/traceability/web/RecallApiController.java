package org.openmilkbank.traceability.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.TextLimits;
import org.openmilkbank.traceability.HoldOutcome;
import org.openmilkbank.traceability.RecallCase;
import org.openmilkbank.traceability.RecallPreview;
import org.openmilkbank.traceability.RecallSource;
import org.openmilkbank.traceability.Recalls;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Recalls over the API: preview, open, list, read, mark tasks, close, and the closed case's report. */
@RestController
@RequestMapping("/api/v1/recalls")
class RecallApiController {

    /** The source and, to open, the reason. */
    record OpenRecall(
            @Valid RecallSource source,
            @Size(max = TextLimits.REASON) String reason) {}

    record TaskNote(@Size(max = TextLimits.NOTE) String note) {}

    /** @param outcomes how each unit's hold ends, by unit id: DISCARDED (the default) or RELEASED */
    record CloseRecall(@Size(max = TextLimits.REASON) String summary, Map<UUID, HoldOutcome> outcomes) {}

    private final Recalls recalls;

    RecallApiController(Recalls recalls) {
        this.recalls = recalls;
    }

    @PostMapping("/preview")
    @PreAuthorize("hasRole('MANAGER')")
    RecallPreview preview(@Valid @RequestBody OpenRecall body) {
        return recalls.preview(body.source());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('MANAGER')")
    RecallCase open(@Valid @RequestBody OpenRecall body) {
        return recalls.open(body.source(), body.reason());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN', 'DONOR_COORDINATOR', 'LAB_TECHNICIAN')")
    Paged<RecallCase.Summary> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(recalls.list(), PageRequest.of(page, size));
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN', 'DONOR_COORDINATOR', 'LAB_TECHNICIAN')")
    RecallCase recall(@PathVariable String code) {
        return recalls.find(code);
    }

    @PostMapping("/{code}/tasks/{id}/done")
    @PreAuthorize("hasRole('MANAGER')")
    RecallCase done(
            @PathVariable String code, @PathVariable UUID id, @Valid @RequestBody(required = false) TaskNote body) {
        return recalls.mark(code, id, RecallCase.MarkKind.DONE, body == null ? null : body.note());
    }

    @PostMapping("/{code}/tasks/{id}/waive")
    @PreAuthorize("hasRole('MANAGER')")
    RecallCase waive(
            @PathVariable String code, @PathVariable UUID id, @Valid @RequestBody(required = false) TaskNote body) {
        return recalls.mark(code, id, RecallCase.MarkKind.WAIVED, body == null ? null : body.note());
    }

    @PostMapping("/{code}/tasks/{id}/reopen")
    @PreAuthorize("hasRole('MANAGER')")
    RecallCase reopen(
            @PathVariable String code, @PathVariable UUID id, @Valid @RequestBody(required = false) TaskNote body) {
        return recalls.mark(code, id, RecallCase.MarkKind.REOPENED, body == null ? null : body.note());
    }

    @PostMapping("/{code}/close")
    @PreAuthorize("hasRole('MANAGER')")
    RecallCase close(@PathVariable String code, @Valid @RequestBody CloseRecall body) {
        return recalls.close(
                code,
                body.summary(),
                body.outcomes() == null ? Map.of() : new LinkedHashMap<>(body.outcomes()),
                LocaleContextHolder.getLocale());
    }

    @GetMapping("/{code}/report.pdf")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN', 'DONOR_COORDINATOR', 'LAB_TECHNICIAN')")
    ResponseEntity<byte[]> report(@PathVariable String code) {
        return pdf(code, recalls.report(code));
    }

    static ResponseEntity<byte[]> pdf(String code, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code.strip() + ".pdf\"")
                .body(pdf);
    }
}
