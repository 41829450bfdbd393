package org.openmilkbank.shared.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ADMIN's page of follow-up steps that did not finish, with a way to send them again. */
@Controller
@RequestMapping("/admin/event-publications")
@PreAuthorize("hasRole('ADMIN')")
class EventPublicationsController {

    private final StuckEventPublications stuck;
    private final Messages messages;

    EventPublicationsController(StuckEventPublications stuck, Messages messages) {
        this.stuck = stuck;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("publications", stuck.list());
        model.addAttribute("stuckAfterMinutes", stuck.stuckAfter().toMinutes());
        return "operations/event-publications";
    }

    @PostMapping("/{id}/resubmit")
    String resubmit(@PathVariable UUID id, RedirectAttributes flash) {
        stuck.resubmit(id);
        flash.addFlashAttribute("success", messages.get("operations.publications.resubmitted", 1));
        return "redirect:/admin/event-publications";
    }

    @PostMapping("/resubmit")
    String resubmitAll(RedirectAttributes flash) {
        flash.addFlashAttribute("success", messages.get("operations.publications.resubmitted", stuck.resubmitAll()));
        return "redirect:/admin/event-publications";
    }
}
