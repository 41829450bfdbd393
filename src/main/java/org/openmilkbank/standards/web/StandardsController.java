package org.openmilkbank.standards.web;

import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.standards.Standards;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every staff member can see which standard the bank follows and its numbers; only an ADMIN changes it. */
@Controller
@RequestMapping("/standards")
class StandardsController {

    private final Standards standards;
    private final Messages messages;
    private final StandardTexts texts;

    StandardsController(Standards standards, Messages messages, StandardTexts texts) {
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
        return "standards/profiles";
    }

    @PostMapping("/active")
    @PreAuthorize("hasRole('ADMIN')")
    String activate(@RequestParam String code, @RequestParam String reason, RedirectAttributes flash) {
        var profile = standards.activate(code, reason);
        flash.addFlashAttribute("success", messages.get("standards.activated", texts.name(profile)));
        return "redirect:/standards";
    }
}
