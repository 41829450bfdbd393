package org.openmilkbank.pasteurization.curve.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.equipment.log.LogParser;
import org.openmilkbank.pasteurization.CurveRuns;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.PasteurisationMethod;
import org.openmilkbank.pasteurization.RunInstruments;
import org.openmilkbank.pasteurization.RunRecord;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.pasteurization.curve.CurveView;
import org.openmilkbank.pasteurization.curve.RunLogs;
import org.openmilkbank.pasteurization.curve.SheetForm;
import org.openmilkbank.pasteurization.web.BottleRows;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.TextLimits;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A run's measured curve: its chart and verdict, importing a logger's file or typing the 5-minute sheet, recording a
 * run whose log is to follow, and the work lists of the runs page.
 */
@Controller
@RequestMapping("/runs")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER')")
class RunCurveController {

    private final RunLogs logs;
    private final CurveRuns curveRuns;
    private final PasteurisationManagement runs;
    private final PoolManagement pools;
    private final History history;
    private final Forms forms;
    private final Messages messages;
    private final Clock clock;
    private final org.openmilkbank.pasteurization.curve.RunRecordPdf pdf;
    private final RunCurveApiController api;
    private final RunInstruments instruments;

    RunCurveController(
            RunLogs logs,
            CurveRuns curveRuns,
            PasteurisationManagement runs,
            PoolManagement pools,
            History history,
            Forms forms,
            Messages messages,
            Clock clock,
            org.openmilkbank.pasteurization.curve.RunRecordPdf pdf,
            RunCurveApiController api,
            RunInstruments instruments) {
        this.instruments = instruments;
        this.api = api;
        this.pdf = pdf;
        this.logs = logs;
        this.curveRuns = curveRuns;
        this.runs = runs;
        this.pools = pools;
        this.history = history;
        this.forms = forms;
        this.messages = messages;
        this.clock = clock;
    }

    /** A logger's file to import, by the layout of its model; a second log of the run says why. */
    record ImportForm(
            UUID layoutId,
            MultipartFile file,
            @Size(max = TextLimits.REASON) String reason) {}

    @GetMapping("/{id}/curve")
    String curve(@PathVariable UUID id, Model model) {
        return curvePage(id, model);
    }

    private String curvePage(UUID id, Model model) {
        RunView run = runs.find(id).orElseThrow(() -> new NotFound("pasteurization.run.notFound", id));
        model.addAttribute("run", run);
        model.addAttribute("runCode", runs.runCode(id));
        model.addAttribute("curve", logs.curve(id).orElse(null));
        model.addAttribute("layouts", logs.layouts());
        model.addAttribute("history", history.of("PasteurisationRun", id));
        if (!model.containsAttribute("importForm")) {
            model.addAttribute("importForm", new ImportForm(null, null, ""));
        }
        if (!model.containsAttribute("sheetForm")) {
            model.addAttribute("sheetForm", SheetForm.blank(LocalDate.ofInstant(run.startedAt(), clock.getZone())));
        }
        return "pasteurization/curve";
    }

    /** The run's PDF record: its curve, its verdict, who recorded and released it, in the reader's language. */
    @GetMapping("/{id}/record.pdf")
    org.springframework.http.ResponseEntity<byte[]> record(@PathVariable UUID id, java.util.Locale locale) {
        return pdf(pdf.render(id, locale));
    }

    static org.springframework.http.ResponseEntity<byte[]> pdf(byte[] bytes) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"run.pdf\"")
                .body(bytes);
    }

    /**
     * The curve's readings and thresholds for the chart on the run's pages: the API's answer, under the page's own
     * sign-in (the API takes no session cookie, and a browser asked for its password would stop the page).
     */
    @GetMapping("/{id}/curve/data")
    @org.springframework.web.bind.annotation.ResponseBody
    RunCurveApiController.Curve data(@PathVariable UUID id) {
        return api.curve(id);
    }

    /** The chart and the verdict, drawn into the run's page. */
    @GetMapping("/{id}/curve/summary")
    String summary(@PathVariable UUID id, Model model) {
        RunView run = runs.find(id).orElseThrow(() -> new NotFound("pasteurization.run.notFound", id));
        model.addAttribute("run", run);
        model.addAttribute("curve", logs.curve(id).orElse(null));
        return "pasteurization/curve :: summary";
    }

    @PostMapping("/{id}/curve/log")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String importLog(
            @PathVariable UUID id,
            @Valid @ModelAttribute("importForm") ImportForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    MultipartFile file = form.file();
                    if (file == null || file.isEmpty()) {
                        throw new RuleViolation("pasteurization.curve.import.empty").on("file");
                    }
                    if (file.getSize() > LogParser.MAX_BYTES) {
                        throw new RuleViolation(
                                        "pasteurization.curve.import.tooBig", file.getSize(), LogParser.MAX_BYTES)
                                .on("file");
                    }
                    byte[] content;
                    try {
                        content = file.getBytes();
                    } catch (IOException e) {
                        throw new RuleViolation("pasteurization.curve.import.notCsv").on("file");
                    }
                    CurveView curve =
                            logs.importLog(id, form.layoutId(), file.getOriginalFilename(), content, form.reason());
                    flash(flash, curve);
                    return "redirect:/runs/" + id + "/curve";
                },
                () -> curvePage(id, model));
    }

    @PostMapping("/{id}/curve/sheet")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String typeSheet(
            @PathVariable UUID id,
            @Valid @ModelAttribute("sheetForm") SheetForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    flash(flash, logs.typeSheet(id, form));
                    return "redirect:/runs/" + id + "/curve";
                },
                () -> curvePage(id, model));
    }

    private void flash(RedirectAttributes flash, CurveView curve) {
        if (curve.passed()) {
            flash.addFlashAttribute("success", messages.get("pasteurization.curve.passedFlash", curve.readingCount()));
        } else {
            flash.addFlashAttribute("error", messages.get("pasteurization.curve.failedFlash", curve.readingCount()));
        }
    }

    /** A run whose log is to follow, as typed; the times are the bank's local time. */
    record AwaitingLogForm(
            @NotNull UUID poolId,
            @NotBlank @Size(max = TextLimits.CODE) String device,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            LocalDateTime startedAt,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            LocalDateTime endedAt,

            @Size(max = 20) List<Integer> bottleCount,
            @Size(max = 20) List<Integer> bottleVolumeMl) {

        /** The bottle rows the page shows: what was typed and blank rows to add sizes. */
        public List<BottleRows.Row> rows() {
            return BottleRows.rows(bottleCount, bottleVolumeMl);
        }
    }

    @GetMapping("/log-to-follow")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String newAwaiting(@RequestParam("pool") UUID poolId, Model model) {
        return awaitingPage(poolId, model);
    }

    private String awaitingPage(UUID poolId, Model model) {
        PoolView pool = pools.find(poolId).orElseThrow(() -> new NotFound("pasteurization.pool.notFound", poolId));
        model.addAttribute("pool", pool);
        model.addAttribute("pasteurisers", instruments.pasteurisersInService());
        if (!model.containsAttribute("awaitingForm")) {
            LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
            model.addAttribute(
                    "awaitingForm", new AwaitingLogForm(poolId, null, now.minusMinutes(90), now, List.of(), List.of()));
        }
        return "pasteurization/log-to-follow";
    }

    @PostMapping("/log-to-follow")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String recordAwaiting(
            @Valid @ModelAttribute("awaitingForm") AwaitingLogForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        if (form.poolId() == null) {
            throw new NotFound("pasteurization.pool.notFound", "—");
        }
        return forms.submit(
                result,
                () -> {
                    RunView run = curveRuns.recordAwaitingLog(new RunRecord(
                            form.poolId(),
                            form.device(),
                            form.startedAt().atZone(clock.getZone()).toInstant(),
                            form.endedAt().atZone(clock.getZone()).toInstant(),
                            null,
                            0,
                            null,
                            null,
                            BottleRows.lines(form.bottleCount(), form.bottleVolumeMl()),
                            PasteurisationMethod.HOLDER,
                            null,
                            null));
                    flash.addFlashAttribute("success", messages.get("pasteurization.curve.awaitingRecorded"));
                    return "redirect:/runs/" + run.id() + "/curve";
                },
                () -> awaitingPage(form.poolId(), model));
    }

    /** The runs page's work lists: runs awaiting their log, and passed runs whose verdict needs a second look. */
    @GetMapping("/curve-work")
    String work(Model model) {
        model.addAttribute("awaitingLog", rows(runs.list(RunState.AWAITING_LOG)));
        List<UUID> second = logs.secondLookRuns();
        model.addAttribute(
                "secondLook",
                rows(second.stream()
                        .map(runs::find)
                        .flatMap(java.util.Optional::stream)
                        .filter(r -> r.state() != RunState.RELEASED && r.state() != RunState.DISCARDED)
                        .toList()));
        return "pasteurization/curve :: work";
    }

    record Row(RunView run, String code) {}

    private List<Row> rows(List<RunView> list) {
        return list.stream().map(r -> new Row(r, runs.runCode(r.id()))).toList();
    }
}
