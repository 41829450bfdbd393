package org.openmilkbank.logistics.web;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.logistics.BoxArrival;
import org.openmilkbank.logistics.BoxView;
import org.openmilkbank.logistics.ColdChainVerdict;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The logistics work lists, the box arrival page built for a scanner, and one box with its cold chain. */
@Controller
@RequestMapping("/logistics")
@PreAuthorize(LogisticsRoles.VIEW)
class LogisticsController {

    /** A box with how long it has been underway and whether that is past the profile's limit. */
    record BoxRow(BoxView box, long minutes, boolean overdue) {}

    private final LogisticsManagement logistics;
    private final History history;
    private final Messages messages;
    private final Clock clock;
    private final Forms forms;
    private final LogisticsPages pages;

    LogisticsController(
            LogisticsManagement logistics,
            History history,
            Messages messages,
            Clock clock,
            Forms forms,
            LogisticsPages pages) {
        this.forms = forms;
        this.pages = pages;
        this.logistics = logistics;
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(LogisticsRoles.VIEW)
    String workLists(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        // both lists turn the same page; each pager shows its own total, so nothing is cut unseen
        PageRequest request = PageRequest.of(page, size);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        Paged<LogisticsManagement.ExpectedPickUp> pickUps = Paged.slice(logistics.expectedPickUps(today), request);
        model.addAttribute("pickUpsPaged", pickUps);
        model.addAttribute("pickUps", pickUps.items());
        int maxHours = logistics.maxTransitHours();
        Instant now = Instant.now(clock);
        model.addAttribute("maxHours", maxHours);
        Paged<BoxRow> inTransit = Paged.slice(logistics.boxesInTransit(), request)
                .map(b -> {
                    long minutes = b.minutesUnderway(now);
                    return new BoxRow(b, minutes, minutes > maxHours * 60L);
                });
        model.addAttribute("inTransitPaged", inTransit);
        model.addAttribute("inTransit", inTransit.items());
        return "logistics/work-lists";
    }

    @GetMapping("/arrival")
    @PreAuthorize(LogisticsRoles.VIEW)
    String arrivalPage(@RequestParam(required = false) String code, Model model) {
        addBox(model, code);
        model.addAttribute("code", code);
        return "logistics/arrival";
    }

    @GetMapping("/arrival/box")
    @PreAuthorize(LogisticsRoles.VIEW)
    String arrivalBox(@RequestParam(required = false) String code, Model model) {
        addBox(model, code);
        return "logistics/arrival :: box";
    }

    /**
     * Records the arrival; htmx gets the verdict in place so the next box can be scanned at once. A refused arrival
     * draws the box's form again as typed with the reason beside its field (in place for htmx).
     */
    @PostMapping("/arrival")
    @PreAuthorize(LogisticsRoles.ACT)
    String arrive(
            @Valid @ModelAttribute("arrival") LogisticsForms.ArrivalForm arrival,
            BindingResult result,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    BoxView box = logistics.arrive(
                            arrival.code(),
                            new BoxArrival(
                                    temperature(arrival.temperatureC()),
                                    arrival.indicator(),
                                    arrival.sealIntact(),
                                    null));
                    if (htmx != null) {
                        model.addAttribute("arrived", box);
                        model.addAttribute("reasons", reasons(box.verdict()));
                        return "logistics/arrival :: verdict";
                    }
                    if (box.verdict().intact()) {
                        flash.addFlashAttribute("success", messages.get("logistics.arrival.intact", box.code()));
                    } else {
                        flash.addFlashAttribute(
                                "error",
                                messages.get(
                                        "logistics.arrival.broken",
                                        box.code(),
                                        String.join("; ", reasons(box.verdict()))));
                    }
                    return "redirect:/logistics/boxes/" + box.id();
                },
                () -> {
                    addBox(model, arrival.code());
                    model.addAttribute("code", arrival.code());
                    return htmx != null ? "logistics/arrival :: box" : "logistics/arrival";
                });
    }

    @GetMapping("/boxes/{id}")
    @PreAuthorize(LogisticsRoles.VIEW)
    String box(@PathVariable UUID id, Model model) {
        BoxView box = logistics.findBox(id).orElseThrow(() -> new NotFound("logistics.box.notFound", id));
        model.addAttribute("box", box);
        model.addAttribute("minutes", box.minutesUnderway(Instant.now(clock)));
        model.addAttribute("reasons", box.verdict() == null ? List.of() : reasons(box.verdict()));
        model.addAttribute(
                "run",
                box.runId() == null ? null : logistics.findRun(box.runId()).orElse(null));
        model.addAttribute(
                "origin",
                box.originPointId() == null
                        ? null
                        : logistics.findPoint(box.originPointId()).orElse(null));
        model.addAttribute("history", history.of(LogisticsManagement.BOX, id));
        return "logistics/box";
    }

    /** Departure of a box taken on a run, from the run's page; a refusal draws the run with that box's form as typed. */
    @PostMapping("/boxes/{id}/departure")
    @PreAuthorize(LogisticsRoles.ACT)
    String depart(
            @PathVariable UUID id,
            @Valid @ModelAttribute("departure") LogisticsForms.DepartureForm departure,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        BoxView planned = logistics.findBox(id).orElseThrow(() -> new NotFound("logistics.box.notFound", id));
        return forms.submit(
                result,
                () -> {
                    BoxView box = logistics.departBox(
                            id, instant(departure.departedAt()), temperature(departure.temperatureC()));
                    flash.addFlashAttribute("success", messages.get("logistics.box.departedOk", box.code()));
                    return box.runId() == null
                            ? "redirect:/logistics/boxes/" + id
                            : "redirect:/logistics/runs/" + box.runId();
                },
                () -> {
                    if (planned.runId() == null) {
                        return box(id, model);
                    }
                    model.addAttribute("departureFor", id);
                    return pages.runPage(planned.runId(), model);
                });
    }

    /** A box sent on its own from a collection point; a refusal draws the point's page with the form as typed. */
    @PostMapping("/boxes")
    @PreAuthorize(LogisticsRoles.ACT)
    String dispatch(
            @Valid @ModelAttribute("dispatch") LogisticsForms.DispatchForm dispatch,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    BoxView box = logistics.dispatchBox(
                            dispatch.code(),
                            dispatch.originPointId(),
                            dispatch.mode(),
                            instant(dispatch.departedAt()),
                            temperature(dispatch.temperatureC()));
                    flash.addFlashAttribute("success", messages.get("logistics.box.departedOk", box.code()));
                    return "redirect:/logistics/boxes/" + box.id();
                },
                () -> dispatch.originPointId() == null
                        ? workLists(null, null, model)
                        : pages.pointPage(dispatch.originPointId(), model));
    }

    private Instant instant(LocalDateTime at) {
        return at == null
                ? Instant.now(clock).truncatedTo(ChronoUnit.SECONDS)
                : at.atZone(clock.getZone()).toInstant();
    }

    /** Accepts a decimal comma as typed on many keyboards; refuses anything that is not a number. */
    static BigDecimal temperature(String text) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation("logistics.box.temperatureRequired").on("temperatureC");
        }
        String t = text.strip().replace(',', '.').replace('−', '-');
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new RuleViolation("logistics.box.temperatureNotANumber", text.strip()).on("temperatureC");
        }
    }

    private List<String> reasons(ColdChainVerdict verdict) {
        return verdict.reasons().stream()
                .map(r -> messages.get(r.code(), r.args().toArray()))
                .toList();
    }

    private void addBox(Model model, String code) {
        if (!model.containsAttribute("arrival")) {
            model.addAttribute("arrival", LogisticsForms.ArrivalForm.blank());
        }
        if (code == null || code.isBlank()) {
            return;
        }
        logistics
                .findBox(code)
                .ifPresentOrElse(
                        b -> {
                            model.addAttribute("box", b);
                            if (b.verdict() != null) {
                                model.addAttribute("reasons", reasons(b.verdict()));
                            }
                            model.addAttribute("minutes", b.minutesUnderway(Instant.now(clock)));
                        },
                        () -> model.addAttribute("boxError", messages.get("logistics.box.notFound", code.strip())));
    }
}
