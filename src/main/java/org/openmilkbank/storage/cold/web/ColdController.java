package org.openmilkbank.storage.cold.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openmilkbank.equipment.log.LogParser;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.web.Formats;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.storage.cold.AcknowledgeForm;
import org.openmilkbank.storage.cold.ColdRules;
import org.openmilkbank.storage.cold.ColdWorkList;
import org.openmilkbank.storage.cold.DecisionForm;
import org.openmilkbank.storage.cold.EndExcursionForm;
import org.openmilkbank.storage.cold.ExcursionLevel;
import org.openmilkbank.storage.cold.ExcursionView;
import org.openmilkbank.storage.cold.Excursions;
import org.openmilkbank.storage.cold.LoggerForm;
import org.openmilkbank.storage.cold.ManualExcursionForm;
import org.openmilkbank.storage.cold.RaiseExcursionForm;
import org.openmilkbank.storage.cold.ReadingForm;
import org.openmilkbank.storage.cold.ReadingSchedule;
import org.openmilkbank.storage.cold.ReadingView;
import org.openmilkbank.storage.cold.Readings;
import org.openmilkbank.storage.cold.StorageUnitView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cold chain's pages: the work list of storage units, each unit's readings (typed on a phone, or a logger's
 * file) with its chart and excursions, an excursion with the milk it held and the manager's decisions, and the
 * alarms card of the home page.
 */
@Controller
@RequestMapping("/storage/cold")
class ColdController {

    static final String VIEW = "hasAnyRole('LAB_TECHNICIAN', 'MANAGER')";
    static final int CHART_DAYS = 14;

    private final Readings readings;
    private final Excursions excursions;
    private final ColdWorkList workList;
    private final Standards standards;
    private final Forms forms;
    private final Messages messages;
    private final Formats fmt;
    private final Clock clock;

    ColdController(
            Readings readings,
            Excursions excursions,
            ColdWorkList workList,
            Standards standards,
            Forms forms,
            Messages messages,
            Formats fmt,
            Clock clock) {
        this.fmt = fmt;
        this.readings = readings;
        this.excursions = excursions;
        this.workList = workList;
        this.standards = standards;
        this.forms = forms;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    String list(Model model) {
        model.addAttribute("board", workList.board());
        return "storage/cold/list";
    }

    /** The home page's card, drawn by htmx when the page loads: empty when every unit is read and quiet. */
    @GetMapping("/alerts")
    @PreAuthorize(VIEW)
    String alerts(Model model) {
        model.addAttribute("board", workList.board());
        return "storage/cold/alerts :: alerts";
    }

    @GetMapping("/{unitId}")
    @PreAuthorize(VIEW)
    String unit(@PathVariable UUID unitId, Model model) {
        return unitPage(unitId, model);
    }

    @PostMapping("/{unitId}/readings")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String record(
            @PathVariable UUID unitId,
            @Valid @ModelAttribute("reading") ReadingForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    ReadingView r = readings.record(unitId, form);
                    flash.addFlashAttribute(
                            "success", messages.of(Said.of("storage.cold.reading.recorded", r.currentC())));
                    return "redirect:/storage/cold/" + unitId;
                },
                () -> unitPage(unitId, model));
    }

    @PostMapping("/{unitId}/logger")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String importLog(
            @PathVariable UUID unitId,
            @Valid @ModelAttribute("logger") LoggerForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    Readings.Imported done = readings.importLog(
                            unitId,
                            form,
                            form.file() == null ? null : form.file().getOriginalFilename(),
                            bytes(form));
                    flash.addFlashAttribute(
                            "success", messages.of(Said.of("storage.cold.import.done", done.readings())));
                    return "redirect:/storage/cold/" + unitId;
                },
                () -> unitPage(unitId, model));
    }

    @PostMapping("/{unitId}/excursions")
    @PreAuthorize("hasRole('MANAGER')")
    String openByHand(
            @PathVariable UUID unitId,
            @Valid @ModelAttribute("manual") ManualExcursionForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    UUID id = excursions.openByHand(unitId, form);
                    flash.addFlashAttribute("success", messages.of(Said.of("storage.cold.excursion.opened")));
                    return "redirect:/storage/cold/excursions/" + id;
                },
                () -> unitPage(unitId, model));
    }

    @GetMapping("/excursions/{id}")
    @PreAuthorize(VIEW)
    String excursion(@PathVariable UUID id, Model model) {
        return excursionPage(id, model);
    }

    @PostMapping("/excursions/{id}/acknowledge")
    @PreAuthorize(VIEW)
    String acknowledge(
            @PathVariable UUID id,
            @Valid @ModelAttribute("acknowledge") AcknowledgeForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onExcursion(id, result, model, flash, () -> {
            excursions.acknowledge(id, form);
            return Said.of("storage.cold.alarm.acknowledged");
        });
    }

    @PostMapping("/excursions/{id}/end")
    @PreAuthorize("hasRole('MANAGER')")
    String end(
            @PathVariable UUID id,
            @Valid @ModelAttribute("end") EndExcursionForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onExcursion(id, result, model, flash, () -> {
            excursions.end(id, form);
            return Said.of("storage.cold.excursion.ended");
        });
    }

    @PostMapping("/excursions/{id}/raise")
    @PreAuthorize("hasRole('MANAGER')")
    String raise(
            @PathVariable UUID id,
            @Valid @ModelAttribute("raise") RaiseExcursionForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onExcursion(id, result, model, flash, () -> {
            excursions.raise(id, form);
            return Said.of("storage.cold.excursion.raisedDone", Said.label(form.level()));
        });
    }

    @PostMapping("/excursions/{id}/decisions")
    @PreAuthorize("hasRole('MANAGER')")
    String decide(
            @PathVariable UUID id,
            @Valid @ModelAttribute("decision") DecisionForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onExcursion(
                id, result, model, flash, () -> Said.of("storage.cold.decision.done", excursions.decide(id, form)));
    }

    /**
     * One step on an excursion from its page: done, its page again with what was done; refused, the page with the
     * refusal beside the form and nothing changed.
     */
    private String onExcursion(
            UUID id, BindingResult result, Model model, RedirectAttributes flash, Supplier<Said> step) {
        return forms.submit(
                result,
                () -> {
                    flash.addFlashAttribute("success", messages.of(step.get()));
                    return "redirect:/storage/cold/excursions/" + id;
                },
                () -> excursionPage(id, model));
    }

    private String unitPage(UUID unitId, Model model) {
        StorageUnitView unit = readings.unit(unitId);
        List<ReadingView> recent = readings.recent(unitId, CHART_DAYS);
        model.addAttribute("unit", unit);
        model.addAttribute("chartDays", CHART_DAYS);
        List<ReadingView> newestFirst = new java.util.ArrayList<>(recent);
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("readings", newestFirst);
        model.addAttribute(
                "chartLabels",
                recent.stream().map(r -> fmt.dateTime(r.readAt())).collect(Collectors.joining("|")));
        model.addAttribute(
                "chartValues",
                recent.stream().map(r -> r.currentC().toPlainString()).collect(Collectors.joining("|")));
        model.addAttribute(
                "rules",
                ColdRules.of(standards.activeProfile(), unit.unitType()).orElse(null));
        model.addAttribute(
                "slots",
                unit.cold()
                        ? ReadingSchedule.of(standards.activeProfile())
                                .slots(LocalDateTime.now(clock).toLocalDate(), clock.getZone())
                        : List.of());
        model.addAttribute(
                "row",
                workList.board().units().stream()
                        .filter(r -> r.unit().id().equals(unitId))
                        .findFirst()
                        .orElse(null));
        model.addAttribute("excursions", excursions.ofUnit(unitId));
        model.addAttribute("levels", ExcursionLevel.values());
        if (!model.containsAttribute("reading")) {
            model.addAttribute("reading", new ReadingForm(null, null, null, null));
        }
        if (!model.containsAttribute("logger")) {
            model.addAttribute("logger", readings.loggerForm(unitId));
        }
        if (!model.containsAttribute("manual")) {
            model.addAttribute(
                    "manual",
                    new ManualExcursionForm(
                            LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES), null, null, null, null));
        }
        return "storage/cold/unit";
    }

    private String excursionPage(UUID id, Model model) {
        ExcursionView e = excursions.find(id);
        model.addAttribute("excursion", e);
        model.addAttribute("history", excursions.history(id));
        if (!model.containsAttribute("acknowledge")) {
            model.addAttribute("acknowledge", new AcknowledgeForm(null));
        }
        if (!model.containsAttribute("end")) {
            model.addAttribute(
                    "end", new EndExcursionForm(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES), null));
        }
        if (!model.containsAttribute("decision")) {
            model.addAttribute("decision", new DecisionForm(List.of(), null, null));
        }
        if (!model.containsAttribute("raise")) {
            model.addAttribute("raise", new RaiseExcursionForm(null, null));
        }
        model.addAttribute(
                "stricter",
                java.util.Arrays.stream(ExcursionLevel.values())
                        .filter(l -> l.ordinal() > e.level().ordinal())
                        .toList());
        return "storage/cold/excursion";
    }

    static byte[] bytes(LoggerForm form) {
        if (form.file() == null || form.file().isEmpty()) {
            throw new RuleViolation("pasteurization.curve.import.empty").on("file");
        }
        if (form.file().getSize() > LogParser.MAX_BYTES) {
            throw new RuleViolation(
                            "pasteurization.curve.import.tooBig", form.file().getSize(), LogParser.MAX_BYTES)
                    .on("file");
        }
        try {
            return form.file().getBytes();
        } catch (IOException e) {
            throw new RuleViolation("pasteurization.curve.import.notCsv").on("file");
        }
    }
}
