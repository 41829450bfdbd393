package org.openmilkbank.pasteurization.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunRecord;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.HoldView;
import org.openmilkbank.traceability.Holds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    RunController(
            PasteurisationManagement runs,
            PoolManagement pools,
            Inventory inventory,
            Standards standards,
            History history,
            Messages messages,
            Clock clock,
            Holds holds) {
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
        return "pasteurization/runs";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String newRun(@RequestParam("pool") UUID poolId, Model model) {
        PoolView pool = pools.find(poolId).orElseThrow(() -> new NotFound("pasteurization.pool.notFound", poolId));
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        model.addAttribute("pool", pool);
        model.addAttribute("profile", standards.activeProfile());
        model.addAttribute("defaultStart", now.minusMinutes(75));
        model.addAttribute("defaultEnd", now);
        return "pasteurization/new";
    }

    @PostMapping
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String record(
            @RequestParam UUID poolId,
            @RequestParam String device,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startedAt,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endedAt,
            @RequestParam BigDecimal holdTemperatureC,
            @RequestParam int holdMinutes,
            @RequestParam int bottleCount,
            @RequestParam int bottleVolumeMl,
            Model model,
            RedirectAttributes flash) {
        RunView run;
        try {
            run = runs.recordRun(new RunRecord(
                    poolId,
                    device,
                    startedAt.atZone(clock.getZone()).toInstant(),
                    endedAt.atZone(clock.getZone()).toInstant(),
                    holdTemperatureC,
                    holdMinutes,
                    bottleCount,
                    bottleVolumeMl));
        } catch (RuleViolation refused) {
            // the form again with what was typed, so that only the wrong field needs fixing
            newRun(poolId, model);
            model.addAttribute("defaultStart", startedAt);
            model.addAttribute("defaultEnd", endedAt);
            model.addAttribute("typed", new Typed(device, holdTemperatureC, holdMinutes, bottleCount, bottleVolumeMl));
            model.addAttribute("error", messages.of(refused));
            return "pasteurization/new";
        }
        if (run.passed()) {
            flash.addFlashAttribute("success", messages.get("pasteurization.run.recordedPassed", bottleCount));
        } else {
            flash.addFlashAttribute(
                    "error", messages.get("pasteurization.run.recordedFailed", run.failureReasonText()));
        }
        return "redirect:/runs/" + run.id();
    }

    /** The run form as typed, kept to redraw it after a refusal. */
    record Typed(String device, BigDecimal holdTemperatureC, int holdMinutes, int bottleCount, int bottleVolumeMl) {}

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        RunView run = runs.find(id).orElseThrow(() -> new NotFound("pasteurization.run.notFound", id));
        model.addAttribute("run", run);
        model.addAttribute("poolDin", poolDin(run.poolId()));
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
        model.addAttribute("defaultSampledAt", LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
        return "pasteurization/run";
    }

    record BottleRow(
            String din,
            String dinWithCheck,
            int volumeMl,
            java.time.LocalDate expiresOn,
            String state,
            java.util.List<HoldView> holds) {}

    @PostMapping("/{id}/post-culture")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String postCulture(
            @PathVariable UUID id,
            @RequestParam long cfu,
            @RequestParam(required = false) String organism,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime sampledAt,
            RedirectAttributes flash) {
        RunView run = runs.recordPostCulture(
                id,
                cfu,
                organism,
                sampledAt == null ? null : sampledAt.atZone(clock.getZone()).toInstant());
        if (run.state() == RunState.DISCARDED) {
            flash.addFlashAttribute("error", messages.get("pasteurization.postCulture.positiveDiscarded", cfu));
        } else {
            flash.addFlashAttribute("success", messages.get("pasteurization.postCulture.negativeOk"));
        }
        return "redirect:/runs/" + id;
    }

    @PostMapping("/{id}/release")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String release(@PathVariable UUID id, RedirectAttributes flash) {
        runs.release(id);
        flash.addFlashAttribute("success", messages.get("pasteurization.release.ok"));
        return "redirect:/runs/" + id;
    }

    private java.util.List<RunRow> rows(java.util.List<RunView> list) {
        return list.stream().map(r -> new RunRow(r, poolDin(r.poolId()))).toList();
    }

    private String poolDin(UUID poolId) {
        return pools.find(poolId).map(PoolView::dinWithCheck).orElse("?");
    }
}
