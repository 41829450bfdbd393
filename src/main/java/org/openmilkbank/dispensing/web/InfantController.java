package org.openmilkbank.dispensing.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.dispensing.DispenseView;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.NewInfant;
import org.openmilkbank.dispensing.orders.AcidityBand;
import org.openmilkbank.dispensing.orders.OrderManagement;
import org.openmilkbank.dispensing.orders.OrderTerms;
import org.openmilkbank.dispensing.orders.OrderView;
import org.openmilkbank.inventory.EnergyClass;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
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

/** The ward's and the dispensary's pages: find or register an infant, record consent, dispense bottles. */
@Controller
@RequestMapping("/infants")
@PreAuthorize("hasAnyRole('NURSE', 'DISPENSER', 'MANAGER')")
class InfantController {

    private final DispensingManagement dispensing;
    private final History history;
    private final Messages messages;
    private final Clock clock;

    private final Forms forms;
    private final OrderManagement orders;

    InfantController(
            DispensingManagement dispensing,
            History history,
            Messages messages,
            Clock clock,
            Forms forms,
            OrderManagement orders) {
        this.forms = forms;
        this.orders = orders;
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
        return listPage(query, PageRequest.of(page, size), model);
    }

    private String listPage(String query, PageRequest request, Model model) {
        model.addAttribute("q", query == null ? "" : query.strip());
        listed(model, query, request);
        if (!model.containsAttribute("newInfant")) {
            model.addAttribute("newInfant", new NewInfant(null, null, null, null, null, 0, null, null, null, null));
        }
        return "dispensing/infants";
    }

    /** Registers an infant from the same record the API takes; a refused form comes back as it was typed. */
    @PostMapping
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER')")
    String register(
            @Valid @ModelAttribute("newInfant") NewInfant form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    InfantView infant = dispensing.registerInfant(form);
                    flash.addFlashAttribute("success", messages.get("infants.registered", infant.infantCode()));
                    return "redirect:/infants/" + infant.id();
                },
                () -> listPage(null, PageRequest.first(), model));
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        return infantPage(id, model);
    }

    private String infantPage(UUID id, Model model) {
        InfantView infant = load(id);
        model.addAttribute("infant", infant);
        model.addAttribute("history", history.of("Infant", id));
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("consent")) {
            model.addAttribute("consent", new InfantApiController.Consent(LocalDate.now(clock)));
        }
        // a refused correction is drawn again open, with its reasons
        model.addAttribute("correctionRefused", model.containsAttribute("correction"));
        if (!model.containsAttribute("correction")) {
            model.addAttribute("correction", InfantCorrectionForm.of(infant));
        }
        if (!model.containsAttribute("dispense")) {
            model.addAttribute("dispense", new InfantApiController.DispenseRequest(null, null));
        }
        if (!model.containsAttribute("order")) {
            model.addAttribute("order", OrderTerms.blank(LocalDate.now(clock)));
        }
        if (!model.containsAttribute("risks")) {
            model.addAttribute("risks", RisksForm.of(infant));
        }
        model.addAttribute(
                "risksRefused",
                model.containsAttribute(BindingResult.MODEL_KEY_PREFIX + "risks")
                        && ((BindingResult) model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "risks")).hasErrors());
        model.addAttribute("orders", orders.ofInfant(id));
        model.addAttribute("criteria", orders.criteria(infant));
        model.addAttribute(
                "energyBands", List.of(EnergyClass.HYPOCALORIC, EnergyClass.NORMOCALORIC, EnergyClass.HYPERCALORIC));
        model.addAttribute("acidityBands", AcidityBand.values());
        panel(infant, model);
        return "dispensing/infant";
    }

    /** The ward orders milk for her; refused without consent or with terms that disagree, drawn again as typed. */
    @PostMapping("/{id}/orders")
    @PreAuthorize("hasAnyRole('NURSE', 'MANAGER')")
    String order(
            @PathVariable UUID id,
            @Valid @ModelAttribute("order") OrderTerms form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        load(id);
        return forms.submit(
                result,
                () -> {
                    OrderView order = orders.request(id, form);
                    flash.addFlashAttribute("success", messages.get("orders.requested", order.volumePerDayMl()));
                    return "redirect:/orders/" + order.id();
                },
                () -> infantPage(id, model));
    }

    /** Amends her risks (NEC, gut surgery, heart disease) with a reason. */
    @PostMapping("/{id}/risks")
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER')")
    String risks(
            @PathVariable UUID id,
            @Valid @ModelAttribute("risks") RisksForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        load(id);
        return forms.submit(
                result,
                () -> {
                    dispensing.amendRisks(id, form.nec(), form.gut(), form.heart(), form.reason());
                    flash.addFlashAttribute("success", messages.get("infants.risksAmended"));
                    return "redirect:/infants/" + id;
                },
                () -> infantPage(id, model));
    }

    private static boolean refused(Model model, String form) {
        return model.getAttribute(BindingResult.MODEL_KEY_PREFIX + form) instanceof BindingResult r && r.hasErrors();
    }

    /** Her risks as the form shows them, and why they change. */
    record RisksForm(
            Boolean necRisk,
            Boolean gutSurgery,
            Boolean heartDisease,

            @jakarta.validation.constraints.NotBlank
            @jakarta.validation.constraints.Size(max = org.openmilkbank.shared.TextLimits.REASON)
            String reason) {

        static RisksForm of(InfantView infant) {
            return new RisksForm(infant.necRisk(), infant.gutSurgery(), infant.heartDisease(), null);
        }

        boolean nec() {
            return Boolean.TRUE.equals(necRisk);
        }

        boolean gut() {
            return Boolean.TRUE.equals(gutSurgery);
        }

        boolean heart() {
            return Boolean.TRUE.equals(heartDisease);
        }
    }

    /** Records the parents' consent on the date typed; a refused date comes back beside the field. */
    @PostMapping("/{id}/consent")
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER')")
    String consent(
            @PathVariable UUID id,
            @Valid @ModelAttribute("consent") InfantApiController.Consent form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        load(id);
        return forms.submit(
                result,
                () -> {
                    dispensing.recordConsent(id, form.consentDate());
                    flash.addFlashAttribute("success", messages.get("infants.consentRecorded"));
                    return "redirect:/infants/" + id;
                },
                () -> infantPage(id, model));
    }

    /** Corrects the infant's details with a reason; a refused correction comes back as typed. */
    @PostMapping("/{id}/correction")
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER')")
    String correct(
            @PathVariable UUID id,
            @Valid @ModelAttribute("correction") InfantCorrectionForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        InfantView current = load(id);
        return forms.submit(
                result,
                () -> {
                    dispensing.correct(id, InfantApiController.merged(form.details(), current), form.reason());
                    flash.addFlashAttribute("success", messages.get("infants.corrected"));
                    return "redirect:/infants/" + id;
                },
                () -> infantPage(id, model));
    }

    /**
     * A scanned bottle. From htmx the dispense panel comes back in place with the result or the refusal, and
     * the DIN input is focused again for the next scan; without htmx, redirect with a flash message.
     */
    @PostMapping("/{id}/dispenses")
    @PreAuthorize("hasRole('DISPENSER')")
    String dispense(
            @PathVariable UUID id,
            @Valid @ModelAttribute("dispense") InfantApiController.DispenseRequest form,
            BindingResult result,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes flash) {
        InfantView infant = load(id);
        if (htmx == null) {
            return forms.submit(
                    result,
                    () -> {
                        DispenseView done = dispensing.dispense(id, form.bottleDin(), form.notFirstReason());
                        flash.addFlashAttribute("success", doneMessage(done));
                        return "redirect:/infants/" + id;
                    },
                    () -> infantPage(id, model));
        }
        return forms.submit(
                result,
                () -> {
                    model.addAttribute(
                            "dispenseSuccess",
                            doneMessage(dispensing.dispense(id, form.bottleDin(), form.notFirstReason())));
                    // the next scan starts from an empty form
                    model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "dispense");
                    model.addAttribute("dispense", new InfantApiController.DispenseRequest(null, null));
                    return dispensePanel(infant, model);
                },
                () -> {
                    // the bottle is not the first to expire: the panel asks for the reason with the same scan
                    model.addAttribute("askNotFirstReason", result.hasFieldErrors("notFirstReason"));
                    return dispensePanel(infant, model);
                });
    }

    private String dispensePanel(InfantView infant, Model model) {
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

    /** One page of the infants found, with the total, so that none is cut without the reader seeing it. */
    private void listed(Model model, String query, PageRequest request) {
        Paged<InfantView> paged = Paged.slice(dispensing.search(query), request);
        model.addAttribute("paged", paged);
        model.addAttribute("infants", paged.items());
        model.addAttribute("today", LocalDate.now(clock));
    }
}
