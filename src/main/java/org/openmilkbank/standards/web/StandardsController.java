package org.openmilkbank.standards.web;

import jakarta.validation.Valid;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.standards.Standards;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every staff member can see which standard the bank follows and its numbers; only an ADMIN changes it. */
@Controller
@RequestMapping("/standards")
class StandardsController {

    private final Standards standards;
    private final Messages messages;
    private final StandardTexts texts;
    private final Forms forms;

    StandardsController(Standards standards, Messages messages, StandardTexts texts, Forms forms) {
        this.forms = forms;
        this.standards = standards;
        this.messages = messages;
        this.texts = texts;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String show(Model model) {
        var active = standards.activeProfile();
        model.addAttribute("active", active);
        model.addAttribute("profiles", standards.profiles());
        model.addAttribute("sources", standards.sources(active.code()));
        model.addAttribute("history", standards.activationHistory());
        if (!model.containsAttribute("activation")) {
            model.addAttribute("activation", new StandardsApiController.Activation(active.code(), null));
        }
        if (!model.containsAttribute("namesOrder")) {
            model.addAttribute("namesOrder", new StandardsApiController.NamesOrderChoice(active.namesOrder(), null));
        }
        model.addAttribute("nameOrders", NameOrder.values());
        return "standards/profiles";
    }

    /** The bank chooses the order names are shown in everywhere, with a reason kept in the history. */
    @PostMapping("/names-order")
    @PreAuthorize("hasRole('ADMIN')")
    String chooseNamesOrder(
            @Valid @ModelAttribute("namesOrder") StandardsApiController.NamesOrderChoice form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    standards.chooseNamesOrder(form.order(), form.reason());
                    flash.addFlashAttribute(
                            "success",
                            messages.get(
                                    "standards.namesOrder.chosen",
                                    messages.get("standards.namesOrder." + form.order())));
                    return "redirect:/standards";
                },
                () -> show(model));
    }

    /** Activates another profile with the reason; the same record the API takes, redrawn as typed when refused. */
    @PostMapping("/active")
    @PreAuthorize("hasRole('ADMIN')")
    String activate(
            @Valid @ModelAttribute("activation") StandardsApiController.Activation form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    var profile = standards.activate(form.code(), form.reason());
                    flash.addFlashAttribute("success", messages.get("standards.activated", texts.name(profile)));
                    return "redirect:/standards";
                },
                () -> show(model));
    }
}
