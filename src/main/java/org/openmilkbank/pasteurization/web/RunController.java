package org.openmilkbank.pasteurization.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.lab.SamplingPlans;
import org.openmilkbank.pasteurization.BottleLine;
import org.openmilkbank.pasteurization.ManualRuns;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.PasteurisationMethod;
import org.openmilkbank.pasteurization.RunInstruments;
import org.openmilkbank.pasteurization.RunRecord;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.processing.PoolVolumes;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.TextLimits;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.HoldView;
import org.openmilkbank.traceability.Holds;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Run pages: what waits for a culture or a release, recording a cycle, and one run with its bottles. */
@Controller
@RequestMapping("/runs")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER')")
class RunController {

    private final PasteurisationManagement runs;
    private final PoolManagement pools;
    private final Inventory inventory;
    private final Standards standards;
    private final History history;
    private final Messages messages;
    private final Clock clock;
    private final Holds holds;
    private final Forms forms;
    private final SamplingPlans plans;
    private final PoolVolumes poolVolumes;
    private final ManualRuns manualRuns;
    private final RunInstruments instruments;

    RunController(
            PasteurisationManagement runs,
            PoolManagement pools,
            Inventory inventory,
            Standards standards,
            History history,
            Messages messages,
            Clock clock,
            Holds holds,
            Forms forms,
            SamplingPlans plans,
            PoolVolumes poolVolumes,
            ManualRuns manualRuns,
            RunInstruments instruments) {
        this.instruments = instruments;
        this.manualRuns = manualRuns;
        this.poolVolumes = poolVolumes;
        this.plans = plans;
        this.forms = forms;
        this.holds = holds;
        this.runs = runs;
        this.pools = pools;
        this.inventory = inventory;
        this.standards = standards;
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    /** A run with its pool's DIN, for lists. */
    record RunRow(RunView run, String poolDin) {}

    @GetMapping
    String list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("awaitingCulture", rows(runs.list(RunState.QUARANTINE)));
        model.addAttribute("awaitingRelease", rows(runs.list(RunState.CULTURE_NEGATIVE)));
        // every run, newest first, a page at a time: none is cut without the reader seeing it
        Paged<RunView> recent = Paged.slice(runs.list(null), PageRequest.of(page, size));
        model.addAttribute("paged", recent);
        model.addAttribute("recent", rows(recent.items()));
        // manual records a second person has still to confirm
        model.addAttribute("manualAwaiting", manualRuns.awaitingConfirmation());
        return "pasteurization/runs";
    }

    /**
     * The run form as typed; the times are the bank's local time. The bottle lines are typed as rows of count and mL
     * per bottle ({@code bottleCount} and {@code bottleVolumeMl} repeated, a blank row ignored).
     */
    record RunForm(
            @NotNull UUID poolId,
            @NotBlank @Size(max = TextLimits.CODE) String device,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            LocalDateTime startedAt,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            LocalDateTime endedAt,

            @NotNull BigDecimal holdTemperatureC,
            Integer holdMinutes,
            @Size(max = 20) List<Integer> bottleCount,
            @Size(max = 20) List<Integer> bottleVolumeMl,
            PasteurisationMethod method,
            Integer holdSeconds,
            Integer sampledMl) {

        public List<BottleRows.Row> rows() {
            return BottleRows.rows(bottleCount, bottleVolumeMl);
        }

        RunRecord toRecord(ZoneId zone) {
            PasteurisationMethod chosen = method == null ? PasteurisationMethod.HOLDER : method;
            if (chosen == PasteurisationMethod.HOLDER && holdMinutes == null) {
                throw new RuleViolation("pasteurization.runs.holdMinutesRequired").on("holdMinutes");
            }
            List<BottleLine> lines = BottleRows.lines(bottleCount, bottleVolumeMl);
            return new RunRecord(
                    poolId,
                    device,
                    startedAt.atZone(zone).toInstant(),
                    endedAt.atZone(zone).toInstant(),
                    holdTemperatureC,
                    holdMinutes == null ? 0 : holdMinutes,
                    null,
                    null,
                    lines,
                    chosen,
                    holdSeconds,
                    sampledMl);
        }
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String newRun(@RequestParam("pool") UUID poolId, Model model) {
        return newRunPage(poolId, model);
    }

    private String newRunPage(UUID poolId, Model model) {
        PoolView pool = pools.find(poolId).orElseThrow(() -> new NotFound("pasteurization.pool.notFound", poolId));
        model.addAttribute("pool", pool);
        model.addAttribute("profile", standards.activeProfile());
        // what is left of the pool for this run, and the methods the form offers
        model.addAttribute("volume", poolVolumes.of(poolId));
        model.addAttribute("methods", PasteurisationMethod.values());
        model.addAttribute("pasteurisers", instruments.pasteurisersInService());
        if (!model.containsAttribute("runForm")) {
            LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
            model.addAttribute(
                    "runForm",
                    new RunForm(
                            poolId,
                            null,
                            now.minusMinutes(75),
                            now,
                            null,
                            null,
                            List.of(),
                            List.of(),
                            PasteurisationMethod.HOLDER,
                            null,
                            null));
        }
        return "pasteurization/new";
    }

    /** Records a run; a refused or invalid form comes back as it was typed, the reason beside its field. */
    @PostMapping
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String record(
            @Valid @ModelAttribute("runForm") RunForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        if (form.poolId() == null) {
            throw new NotFound("pasteurization.pool.notFound", "—");
        }
        return forms.submit(
                result,
                () -> {
                    RunView run = runs.recordRun(form.toRecord(clock.getZone()));
                    if (run.passed()) {
                        flash.addFlashAttribute(
                                "success", messages.get("pasteurization.run.recordedPassed", run.bottleCount()));
                    } else {
                        flash.addFlashAttribute(
                                "error", messages.get("pasteurization.run.recordedFailed", run.failureReasonText()));
                    }
                    return "redirect:/runs/" + run.id();
                },
                () -> newRunPage(form.poolId(), model));
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        return runPage(id, model);
    }

    private String runPage(UUID id, Model model) {
        RunView run = runs.find(id).orElseThrow(() -> new NotFound("pasteurization.run.notFound", id));
        model.addAttribute("run", run);
        model.addAttribute("poolDin", poolDin(run.poolId()));
        int number =
                runs.runsOfPool(run.poolId()).stream().map(RunView::id).toList().indexOf(run.id()) + 1;
        model.addAttribute("runCode", org.openmilkbank.pasteurization.RunRecorded.code(poolDin(run.poolId()), number));
        var ofRun = inventory.bottlesOfRun(id);
        // one query for the holds of every bottle of the run
        java.util.Map<UUID, java.util.List<HoldView>> bottleHolds =
                holds.activeOn(ofRun.stream().map(b -> b.id()).toList());
        model.addAttribute(
                "bottles",
                ofRun.stream()
                        .map(b -> new BottleRow(
                                b.din(),
                                Din.parse(b.din()).withCheck(),
                                b.volumeMl(),
                                b.expiresOn(),
                                b.state().name(),
                                bottleHolds.getOrDefault(b.id(), java.util.List.of())))
                        .toList());
        model.addAttribute("profile", standards.activeProfile());
        model.addAttribute("recordedByMe", run.recordedBy().equalsIgnoreCase(CurrentActor.username()));
        model.addAttribute("history", history.of("PasteurisationRun", id));
        model.addAttribute("runHolds", holds.activeOn(id));
        // the lab's sampling plan: sampled itself, or resting on a sampled run's culture
        plans.of(id).ifPresent(plan -> {
            model.addAttribute("runPlan", plan);
            model.addAttribute("runPlanReason", SamplingPlans.reasonSaid(plan));
        });
        // the manual record's confirmation first, then the release
        List<org.openmilkbank.shared.Signature> signed = new ArrayList<>(manualRuns.signatures(id));
        signed.addAll(runs.signatures(id));
        model.addAttribute("signatures", signed);
        model.addAttribute("attestations", runs.releaseAttestations(id));
        if (!model.containsAttribute("release")) {
            model.addAttribute("release", new ReleaseForm(null));
        }
        model.addAttribute("manual", manualRuns.isManual(id));
        model.addAttribute("manualAwaiting", manualRuns.awaitsConfirmation(id));
        model.addAttribute("manualAttestations", manualRuns.attestations(id));
        if (!model.containsAttribute("confirmManual")) {
            model.addAttribute("confirmManual", new ConfirmManualForm(null));
        }
        return "pasteurization/run";
    }

    record BottleRow(
            String din,
            String dinWithCheck,
            int volumeMl,
            java.time.LocalDate expiresOn,
            String state,
            java.util.List<HoldView> holds) {}

    /** The second technician signs the release with her own password, having read what she attests. */
    @PostMapping("/{id}/release")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String release(
            @PathVariable UUID id,
            @Valid @ModelAttribute("release") ReleaseForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    runs.release(id, form.signaturePassword());
                    flash.addFlashAttribute("success", messages.get("pasteurization.release.ok"));
                    return "redirect:/runs/" + id;
                },
                () -> runPage(id, model));
    }

    /** A second person, not the recorder, confirms a manual record with her own password, having read it. */
    @PostMapping("/{id}/confirm-manual")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String confirmManual(
            @PathVariable UUID id,
            @Valid @ModelAttribute("confirmManual") ConfirmManualForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    manualRuns.confirm(id, form.signaturePassword());
                    flash.addFlashAttribute("success", messages.get("pasteurization.manual.confirmed"));
                    return "redirect:/runs/" + id;
                },
                () -> runPage(id, model));
    }

    private java.util.List<RunRow> rows(java.util.List<RunView> list) {
        return list.stream().map(r -> new RunRow(r, poolDin(r.poolId()))).toList();
    }

    private String poolDin(UUID poolId) {
        return pools.find(poolId).map(PoolView::dinWithCheck).orElse("?");
    }
}
