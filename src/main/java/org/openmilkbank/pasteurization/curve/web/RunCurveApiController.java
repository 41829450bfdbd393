package org.openmilkbank.pasteurization.curve.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.equipment.log.Reading;
import org.openmilkbank.pasteurization.curve.CurveRule;
import org.openmilkbank.pasteurization.curve.CurveView;
import org.openmilkbank.pasteurization.curve.RuleOutcome;
import org.openmilkbank.pasteurization.curve.RunLogs;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.Said;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A run's curve as JSON: every reading, the thresholds, and the verdict rule by rule in the reader's language. */
@RestController
@RequestMapping("/api/v1/runs")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER')")
class RunCurveApiController {

    private final RunLogs logs;
    private final MessageSource messages;
    private final org.openmilkbank.pasteurization.curve.RunRecordPdf pdf;

    RunCurveApiController(
            RunLogs logs, MessageSource messages, org.openmilkbank.pasteurization.curve.RunRecordPdf pdf) {
        this.logs = logs;
        this.messages = messages;
        this.pdf = pdf;
    }

    /** The run's PDF record: its curve, its verdict, who recorded and released it. */
    @GetMapping("/{id}/record.pdf")
    org.springframework.http.ResponseEntity<byte[]> record(@PathVariable UUID id, java.util.Locale locale) {
        return RunCurveController.pdf(pdf.render(id, locale));
    }

    record Thresholds(BigDecimal holdTemperatureC, BigDecimal ceilingC, BigDecimal coolingTargetC) {}

    record Rule(CurveRule rule, RuleOutcome outcome, String label, String text, Said said) {}

    record Curve(
            UUID runId,
            UUID logId,
            String source,
            String fileName,
            String sha256,
            String recordedBy,
            Instant recordedAt,
            boolean passed,
            boolean secondLook,
            List<String> secondLookReasons,
            List<String> warnings,
            Instant holdFrom,
            Instant holdUntil,
            Thresholds thresholds,
            List<Rule> verdict,
            List<String> probes,
            List<Reading> readings) {}

    @GetMapping("/{id}/curve")
    Curve curve(@PathVariable UUID id) {
        CurveView c = logs.curve(id).orElseThrow(() -> new NotFound("pasteurization.curve.noLog", id));
        return new Curve(
                c.runId(),
                c.logId(),
                c.source().name(),
                c.fileName(),
                c.sha256(),
                c.recordedBy(),
                c.recordedAt(),
                c.passed(),
                c.secondLook(),
                c.secondLookReasons().stream().map(this::text).toList(),
                c.warnings().stream().map(this::text).toList(),
                c.holdFrom(),
                c.holdUntil(),
                new Thresholds(c.holdTemperatureC(), c.ceilingC(), c.coolingTargetC()),
                c.rules().stream()
                        .map(r -> new Rule(r.rule(), r.outcome(), text(Said.label(r.rule())), text(r.said()), r.said()))
                        .toList(),
                c.probes(),
                c.readings());
    }

    private String text(Said s) {
        return messages.getMessage(s, LocaleContextHolder.getLocale());
    }
}
