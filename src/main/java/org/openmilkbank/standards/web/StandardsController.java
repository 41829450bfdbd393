package org.openmilkbank.standards.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.standards.BankProfiles;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
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

/** Every staff member can see which standard the bank follows and its numbers; only an ADMIN changes it. */
@Controller
@RequestMapping("/standards")
class StandardsController {

    private final Standards standards;
    private final Messages messages;
    private final StandardTexts texts;
    private final Forms forms;
    private final BankProfiles bankProfiles;
    private final Clock clock;

    StandardsController(
            Standards standards,
            Messages messages,
            StandardTexts texts,
            Forms forms,
            BankProfiles bankProfiles,
            Clock clock) {
        this.forms = forms;
        this.bankProfiles = bankProfiles;
        this.clock = clock;
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
        if (!model.containsAttribute("derivation")) {
            model.addAttribute(
                    "derivation", new StandardsApiController.Derivation(null, null, null, active.standardCode()));
        }
        model.addAttribute(
                "standardsToDerive",
                standards.profiles().stream().filter(p -> !p.bankOwn()).toList());
        return "standards/profiles";
    }

    /** A profile's parameters beside the standard it came from, with each parameter's past and scheduled values. */
    @GetMapping("/profiles/{code}")
    @PreAuthorize("isAuthenticated()")
    String profile(@PathVariable String code, Model model) {
        return profilePage(code, model);
    }

    private String profilePage(String code, Model model) {
        StandardProfile profile = standards.profile(code);
        model.addAttribute("profile", profile);
        model.addAttribute("profileName", texts.name(profile));
        model.addAttribute(
                "standard", profile.derivedFrom().map(standards::profile).orElse(null));
        model.addAttribute("active", standards.activeProfile());
        model.addAttribute("rows", bankProfiles.comparison(profile.code()));
        model.addAttribute("history", bankProfiles.history(profile.code()));
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("change")) {
            model.addAttribute(
                    "change", new StandardsApiController.ParameterChange(null, null, LocalDate.now(clock), null));
        }
        return "standards/profile";
    }

    /** An ADMIN derives the bank's own profile from a built-in standard; it is followed once activated. */
    @PostMapping("/profiles")
    @PreAuthorize("hasRole('ADMIN')")
    String derive(
            @Valid @ModelAttribute("derivation") StandardsApiController.Derivation form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    var profile = bankProfiles.derive(form.code(), form.name(), form.description(), form.from());
                    flash.addFlashAttribute(
                            "success", messages.get("standards.derived", texts.name(profile), form.from()));
                    return "redirect:/standards/profiles/" + profile.code();
                },
                () -> show(model));
    }

    /** Changes one parameter of the bank's own profile from a day on, with the reason; built-ins are read-only. */
    @PostMapping("/profiles/{code}/parameters")
    @PreAuthorize("hasRole('ADMIN')")
    String change(
            @PathVariable String code,
            @Valid @ModelAttribute("change") StandardsApiController.ParameterChange form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    var change =
                            bankProfiles.change(code, form.key(), form.value(), form.effectiveFrom(), form.reason());
                    flash.addFlashAttribute(
                            "success",
                            messages.get(
                                    "standards.change.saved",
                                    messages.get(
                                            "parameter." + change.parameter().key()),
                                    texts.value(change.parameter(), change.value()),
                                    change.effectiveFrom()));
                    return "redirect:/standards/profiles/" + code;
                },
                () -> profilePage(code, model));
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
