package org.openmilkbank.network.web;

import jakarta.validation.Valid;
import org.openmilkbank.network.AddendumOffers;
import org.openmilkbank.network.AdoptAddendum;
import org.openmilkbank.network.OfferedAddendum;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bank's emergency addenda offered by its hub: each with its content, adopted by a manager in one step (a
 * confirmation and an optional note), ended with a reason.
 */
@Controller
@RequestMapping("/network/addenda")
@PreAuthorize(NetworkAddendaController.VIEW)
class NetworkAddendaController {

    static final String VIEW = "hasAnyRole('MANAGER', 'ADMIN', 'DONOR_COORDINATOR')";
    static final String ACT = "hasRole('MANAGER')";

    private final AddendumOffers offers;
    private final Forms forms;
    private final Messages messages;

    NetworkAddendaController(AddendumOffers offers, Forms forms, Messages messages) {
        this.offers = offers;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    String list(Model model) {
        return page(model, null);
    }

    /** {@code formFor} is the offer ({@code code:version}) whose form comes back with its refusal. */
    private String page(Model model, String formFor) {
        model.addAttribute("offers", offers.offers());
        model.addAttribute("formFor", formFor);
        if (!model.containsAttribute("adoption")) {
            model.addAttribute("adoption", AdoptAddendum.blank());
        }
        if (!model.containsAttribute("ending")) {
            model.addAttribute("ending", Reason.blank());
        }
        model.addAttribute("history", java.util.List.of());
        return "network/addenda";
    }

    @PostMapping("/{code}/{version}/adopt")
    @PreAuthorize(ACT)
    String adopt(
            @PathVariable String code,
            @PathVariable int version,
            @Valid @ModelAttribute("adoption") AdoptAddendum adoption,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        offers.find(code, version);
        return forms.submit(
                result,
                () -> {
                    OfferedAddendum adopted = offers.adopt(code, version, adoption);
                    flash.addFlashAttribute(
                            "success",
                            messages.get("network.addendum.adoptedFlash", adopted.code(), adopted.version()));
                    return "redirect:/network/addenda";
                },
                () -> page(model, code + ":" + version));
    }

    @PostMapping("/{code}/{version}/end")
    @PreAuthorize(ACT)
    String end(
            @PathVariable String code,
            @PathVariable int version,
            @Valid @ModelAttribute("ending") Reason reason,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        offers.find(code, version);
        return forms.submit(
                result,
                () -> {
                    OfferedAddendum ended = offers.end(code, version, reason.reason());
                    flash.addFlashAttribute(
                            "success", messages.get("network.addendum.endedFlash", ended.code(), ended.version()));
                    return "redirect:/network/addenda";
                },
                () -> page(model, code + ":" + version));
    }
}
