package org.openmilkbank.dispensing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openmilkbank.dispensing.DispenseView;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.NewInfant;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ward's and the dispensary's pages: find or register an infant, record consent, dispense bottles. */
@Controller
@RequestMapping("/infants")
@PreAuthorize("hasAnyRole('NURSE', 'DISPENSER', 'MANAGER')")
class InfantController {

    private final DispensingManagement dispensing;
    private final History history;
    private final Messages messages;
    private final Clock clock;

    InfantController(DispensingManagement dispensing, History history, Messages messages, Clock clock) {
        this.dispensing = dispensing;
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    /** A scanned hospital number opens the infant at once; anything else searches. */
    @GetMapping
    String list(
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        if (query != null && !query.isBlank()) {
            var exact = dispensing.findByCode(query);
            if (exact.isPresent()) {
                return "redirect:/infants/" + exact.get().id();
            }
        }
        model.addAttribute("q", query == null ? "" : query.strip());
        listed(model, query, PageRequest.of(page, size));
        return "dispensing/infants";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER')")
    String register(@ModelAttribute NewInfant form, BindingResult binding, Model model, RedirectAttributes flash) {
        try {
            refuseUnreadable(binding);
            InfantView infant = dispensing.registerInfant(form);
            flash.addFlashAttribute("success", messages.get("infants.registered", infant.infantCode()));
            return "redirect:/infants/" + infant.id();
        } catch (RuleViolation refused) {
            // the list again with what was typed, so that only the wrong field needs fixing
            model.addAttribute("error", messages.of(refused));
            model.addAttribute("q", "");
            listed(model, null, PageRequest.first());
            return "dispensing/infants";
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        InfantView infant = load(id);
        model.addAttribute("infant", infant);
        model.addAttribute("history", history.of("Infant", id));
        model.addAttribute("today", LocalDate.now(clock));
        panel(infant, model);
        return "dispensing/infant";
    }

    @PostMapping("/{id}/consent")
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER')")
    String consent(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate consentDate,
            RedirectAttributes flash) {
        dispensing.recordConsent(id, consentDate);
        flash.addFlashAttribute("success", messages.get("infants.consentRecorded"));
        return "redirect:/infants/" + id;
    }

    @PostMapping("/{id}/correction")
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER')")
    String correct(
            @PathVariable UUID id,
            @ModelAttribute NewInfant form,
            BindingResult binding,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        refuseUnreadable(binding);
        dispensing.correct(id, form, reason);
        flash.addFlashAttribute("success", messages.get("infants.corrected"));
        return "redirect:/infants/" + id;
    }

    /**
     * A scanned bottle. From htmx the dispense panel comes back in place with the result or the refusal, and
     * the DIN input is focused again for the next scan; without htmx, redirect with a flash message.
     */
    @PostMapping("/{id}/dispenses")
    @PreAuthorize("hasRole('DISPENSER')")
    String dispense(
            @PathVariable UUID id,
            @RequestParam(name = "bottleDin", required = false) String bottleDin,
            @RequestParam(name = "notFirstReason", required = false) String notFirstReason,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        if (htmx == null) {
            DispenseView done = dispensing.dispense(id, bottleDin, notFirstReason);
            flash.addFlashAttribute("success", doneMessage(done));
            return "redirect:/infants/" + id;
        }
        InfantView infant = load(id);
        try {
            model.addAttribute("dispenseSuccess", doneMessage(dispensing.dispense(id, bottleDin, notFirstReason)));
        } catch (NotFound e) {
            throw e;
        } catch (RuleViolation e) {
            model.addAttribute("dispenseError", messages.of(e));
            model.addAttribute("scanned", bottleDin);
            // the bottle is not the first to expire: the panel asks for the reason with the same scan
            model.addAttribute("askNotFirstReason", "dispensing.fefo.reasonRequired".equals(e.code()));
        }
        model.addAttribute("infant", infant);
        model.addAttribute("today", LocalDate.now(clock));
        panel(infant, model);
        return "dispensing/infant :: dispense-panel";
    }

    private String doneMessage(DispenseView done) {
        return messages.get("dispense.done", done.bottleDin(), done.volumeMl(), done.infantCode());
    }

    private void panel(InfantView infant, Model model) {
        model.addAttribute("offered", dispensing.offeredBottles(LocalDate.now(clock)));
        model.addAttribute("dispenses", dispensing.dispensesOf(infant.id()));
    }

    private InfantView load(UUID id) {
        return dispensing.find(id).orElseThrow(() -> new NotFound("dispensing.infant.notFound", id));
    }

    private static void refuseUnreadable(BindingResult binding) {
        if (binding.hasErrors()) {
            throw new RuleViolation(
                    "dispensing.infant.form.invalid",
                    binding.getFieldErrors().stream()
                            .map(f -> f.getField() + " “" + f.getRejectedValue() + "”")
                            .collect(Collectors.joining(", ")));
        }
    }

    /** One page of the infants found, with the total, so that none is cut without the reader seeing it. */
    private void listed(Model model, String query, PageRequest request) {
        Paged<InfantView> paged = Paged.slice(dispensing.search(query), request);
        model.addAttribute("paged", paged);
        model.addAttribute("infants", paged.items());
        model.addAttribute("today", LocalDate.now(clock));
    }
}
