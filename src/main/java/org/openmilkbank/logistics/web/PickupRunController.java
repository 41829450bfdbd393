package org.openmilkbank.logistics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.logistics.PickupRunView;
import org.openmilkbank.logistics.StopOutcome;
import org.openmilkbank.logistics.TransportMode;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pick-up runs: plan a run, add stops by scanning donor codes or choosing a collection point, add the boxes
 * taken, start, record each stop and each box's departure, return or cancel.
 */
@Controller
@RequestMapping("/logistics/runs")
@PreAuthorize(LogisticsRoles.VIEW)
class PickupRunController {

    private final LogisticsManagement logistics;
    private final History history;
    private final Messages messages;
    private final Clock clock;

    PickupRunController(LogisticsManagement logistics, History history, Messages messages, Clock clock) {
        this.logistics = logistics;
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(LogisticsRoles.VIEW)
    String list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        // every run, newest planned date first, a page at a time
        Paged<PickupRunView> paged = logistics.runs(PageRequest.of(page, size));
        model.addAttribute("paged", paged);
        model.addAttribute("runs", paged.items());
        model.addAttribute("today", LocalDate.now(clock));
        return "logistics/runs";
    }

    @PostMapping
    @PreAuthorize(LogisticsRoles.ACT)
    String plan(
            @RequestParam(required = false) LocalDate plannedOn,
            @RequestParam(required = false) String driver,
            RedirectAttributes flash) {
        PickupRunView run = logistics.planRun(plannedOn, driver);
        flash.addFlashAttribute("success", messages.get("logistics.run.planned", run.label(), run.plannedOn()));
        return "redirect:/logistics/runs/" + run.id();
    }

    @GetMapping("/{id}")
    @PreAuthorize(LogisticsRoles.VIEW)
    String show(@PathVariable UUID id, Model model) {
        PickupRunView run = logistics.findRun(id).orElseThrow(() -> new NotFound("logistics.run.notFound", id));
        model.addAttribute("run", run);
        model.addAttribute("points", logistics.points(true));
        model.addAttribute("modes", TransportMode.values());
        model.addAttribute("now", LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("history", history.of(LogisticsManagement.RUN, id));
        return "logistics/run";
    }

    /** A scanned donor code (Enter submits) or a chosen collection point. */
    @PostMapping("/{id}/stops")
    @PreAuthorize(LogisticsRoles.ACT)
    String addStop(
            @PathVariable UUID id,
            @RequestParam(required = false) String donorCode,
            @RequestParam(required = false) UUID collectionPointId,
            RedirectAttributes flash) {
        if (donorCode != null && !donorCode.isBlank()) {
            logistics.addDonorStop(id, donorCode);
        } else if (collectionPointId != null) {
            logistics.addPointStop(id, collectionPointId);
        } else {
            throw new RuleViolation("logistics.stop.donorOrPoint");
        }
        flash.addFlashAttribute("success", messages.get("logistics.stop.added"));
        return "redirect:/logistics/runs/" + id;
    }

    @PostMapping("/{id}/boxes")
    @PreAuthorize(LogisticsRoles.ACT)
    String addBox(
            @PathVariable UUID id,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) TransportMode mode,
            RedirectAttributes flash) {
        logistics.addBox(id, code, mode);
        flash.addFlashAttribute("success", messages.get("logistics.box.added", code == null ? "" : code.strip()));
        return "redirect:/logistics/runs/" + id;
    }

    @PostMapping("/{id}/start")
    @PreAuthorize(LogisticsRoles.ACT)
    String start(@PathVariable UUID id, RedirectAttributes flash) {
        PickupRunView run = logistics.startRun(id);
        flash.addFlashAttribute("success", messages.get("logistics.run.started", run.label()));
        return "redirect:/logistics/runs/" + id;
    }

    @PostMapping("/{id}/stops/{stopId}")
    @PreAuthorize(LogisticsRoles.ACT)
    String recordStop(
            @PathVariable UUID id,
            @PathVariable UUID stopId,
            @RequestParam(required = false) StopOutcome outcome,
            @RequestParam(required = false) String containers,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        Integer count = null;
        if (containers != null && !containers.isBlank()) {
            try {
                count = Integer.valueOf(containers.strip());
            } catch (NumberFormatException e) {
                throw new RuleViolation("logistics.stop.containersInvalid", 100);
            }
        }
        logistics.recordStop(id, stopId, outcome, count, note);
        flash.addFlashAttribute("success", messages.get("logistics.stop.recorded"));
        return "redirect:/logistics/runs/" + id;
    }

    @PostMapping("/{id}/return")
    @PreAuthorize(LogisticsRoles.ACT)
    String returnRun(@PathVariable UUID id, RedirectAttributes flash) {
        PickupRunView run = logistics.returnRun(id);
        flash.addFlashAttribute("success", messages.get("logistics.run.returned", run.label()));
        return "redirect:/logistics/runs/" + id;
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(LogisticsRoles.ACT)
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        PickupRunView run = logistics.cancelRun(id, reason);
        flash.addFlashAttribute("success", messages.get("logistics.run.cancelled", run.label()));
        return "redirect:/logistics/runs/" + id;
    }
}
