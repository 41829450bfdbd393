package org.openmilkbank.logistics.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.logistics.PickupRunView;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
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

/**
 * Pick-up runs: plan a run, add stops by scanning donor codes or choosing a collection point, add the boxes
 * taken, start, record each stop and each box's departure, return or cancel.
 */
@Controller
@RequestMapping("/logistics/runs")
@PreAuthorize(LogisticsRoles.VIEW)
class PickupRunController {

    private final LogisticsManagement logistics;
    private final Messages messages;
    private final Clock clock;
    private final Forms forms;
    private final LogisticsPages pages;

    PickupRunController(
            LogisticsManagement logistics, Messages messages, Clock clock, Forms forms, LogisticsPages pages) {
        this.logistics = logistics;
        this.messages = messages;
        this.clock = clock;
        this.forms = forms;
        this.pages = pages;
    }

    @GetMapping
    @PreAuthorize(LogisticsRoles.VIEW)
    String list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        return listPage(page, size, model);
    }

    private String listPage(Integer page, Integer size, Model model) {
        // every run, newest planned date first, a page at a time
        Paged<PickupRunView> paged = logistics.runs(PageRequest.of(page, size));
        model.addAttribute("paged", paged);
        model.addAttribute("runs", paged.items());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        if (!model.containsAttribute("newRun")) {
            model.addAttribute("newRun", new LogisticsApiController.RunBody(today, null));
        }
        return "logistics/runs";
    }

    @PostMapping
    @PreAuthorize(LogisticsRoles.ACT)
    String plan(
            @Valid @ModelAttribute("newRun") LogisticsApiController.RunBody newRun,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    PickupRunView run = logistics.planRun(newRun.plannedOn(), newRun.driver());
                    flash.addFlashAttribute(
                            "success", messages.get("logistics.run.planned", run.label(), run.plannedOn()));
                    return "redirect:/logistics/runs/" + run.id();
                },
                () -> listPage(null, null, model));
    }

    @GetMapping("/{id}")
    @PreAuthorize(LogisticsRoles.VIEW)
    String show(@PathVariable UUID id, Model model) {
        return pages.runPage(id, model);
    }

    /** A scanned donor code (Enter submits) or a chosen collection point. */
    @PostMapping("/{id}/stops")
    @PreAuthorize(LogisticsRoles.ACT)
    String addStop(
            @PathVariable UUID id,
            @Valid @ModelAttribute("stop") LogisticsApiController.StopBody stop,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    if (stop.donorCode() != null && !stop.donorCode().isBlank()) {
                        logistics.addDonorStop(id, stop.donorCode());
                    } else if (stop.collectionPointId() != null) {
                        logistics.addPointStop(id, stop.collectionPointId());
                    } else {
                        throw new RuleViolation("logistics.stop.donorOrPoint").on("donorCode");
                    }
                    flash.addFlashAttribute("success", messages.get("logistics.stop.added"));
                    return "redirect:/logistics/runs/" + id;
                },
                () -> pages.runPage(id, model));
    }

    @PostMapping("/{id}/boxes")
    @PreAuthorize(LogisticsRoles.ACT)
    String addBox(
            @PathVariable UUID id,
            @Valid @ModelAttribute("box") LogisticsApiController.BoxBody box,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    logistics.addBox(id, box.code(), box.mode());
                    flash.addFlashAttribute(
                            "success",
                            messages.get(
                                    "logistics.box.added",
                                    box.code() == null ? "" : box.code().strip()));
                    return "redirect:/logistics/runs/" + id;
                },
                () -> pages.runPage(id, model));
    }

    @PostMapping("/{id}/start")
    @PreAuthorize(LogisticsRoles.ACT)
    String start(@PathVariable UUID id, RedirectAttributes flash) {
        PickupRunView run = logistics.startRun(id);
        flash.addFlashAttribute("success", messages.get("logistics.run.started", run.label()));
        return "redirect:/logistics/runs/" + id;
    }

    /** One stop's outcome; a refusal draws the run again with that stop's form as typed and its reasons. */
    @PostMapping("/{id}/stops/{stopId}")
    @PreAuthorize(LogisticsRoles.ACT)
    String recordStop(
            @PathVariable UUID id,
            @PathVariable UUID stopId,
            @Valid @ModelAttribute("stopOutcome") LogisticsApiController.StopOutcomeBody stopOutcome,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    logistics.recordStop(
                            id, stopId, stopOutcome.outcome(), stopOutcome.containers(), stopOutcome.note());
                    flash.addFlashAttribute("success", messages.get("logistics.stop.recorded"));
                    return "redirect:/logistics/runs/" + id;
                },
                () -> {
                    model.addAttribute("stopOutcomeFor", stopId);
                    return pages.runPage(id, model);
                });
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
    String cancel(
            @PathVariable UUID id,
            @Valid @ModelAttribute("cancellation") LogisticsApiController.ReasonBody cancellation,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    PickupRunView run = logistics.cancelRun(id, cancellation.reason());
                    flash.addFlashAttribute("success", messages.get("logistics.run.cancelled", run.label()));
                    return "redirect:/logistics/runs/" + id;
                },
                () -> pages.runPage(id, model));
    }
}
