package org.openmilkbank.pasteurization.curve.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.openmilkbank.pasteurization.curve.LayoutForm;
import org.openmilkbank.pasteurization.curve.LayoutView;
import org.openmilkbank.pasteurization.curve.RunLogs;
import org.openmilkbank.shared.History;
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

/** Logger layouts: how each logger model writes its CSV. Amended, never edited in place: logs keep their version. */
@Controller
@RequestMapping("/runs/loggers")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN')")
class LoggerLayoutController {

    private final RunLogs logs;
    private final History history;
    private final Forms forms;
    private final Messages messages;

    LoggerLayoutController(RunLogs logs, History history, Forms forms, Messages messages) {
        this.logs = logs;
        this.history = history;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("layouts", logs.layouts());
        return "pasteurization/loggers";
    }

    @GetMapping("/new")
    String newLayout(Model model) {
        return page(null, model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        return page(id, model);
    }

    private String page(UUID id, Model model) {
        LayoutView layout = id == null ? null : logs.layout(id);
        model.addAttribute("layout", layout);
        model.addAttribute("history", id == null ? java.util.List.of() : history.of("LoggerLayout", id));
        if (!model.containsAttribute("layoutForm")) {
            model.addAttribute("layoutForm", layout == null ? LayoutForm.blank() : layout.form());
        }
        return "pasteurization/logger";
    }

    @PostMapping
    String add(
            @Valid @ModelAttribute("layoutForm") LayoutForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    LayoutView added = logs.addLayout(form);
                    flash.addFlashAttribute("success", messages.get("pasteurization.curve.layout.saved"));
                    return "redirect:/runs/loggers/" + added.id();
                },
                () -> page(null, model));
    }

    @PostMapping("/{id}")
    String amend(
            @PathVariable UUID id,
            @Valid @ModelAttribute("layoutForm") LayoutForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    LayoutView next = logs.amendLayout(id, form);
                    flash.addFlashAttribute("success", messages.get("pasteurization.curve.layout.saved"));
                    return "redirect:/runs/loggers/" + next.id();
                },
                () -> page(id, model));
    }
}
