package org.openmilkbank.network.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.openmilkbank.donor.AnswerType;
import org.openmilkbank.donor.DeferralCategory;
import org.openmilkbank.network.Addenda;
import org.openmilkbank.network.AddendumDraft;
import org.openmilkbank.network.HubAddendum;
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

/**
 * The network coordinator's emergency addenda at the hub: list and write new ones, amend a draft, publish it to every
 * bank, start its next version, withdraw it with a reason; each addendum's page shows which banks adopted it and
 * when, and their response benchmark.
 */
@Controller
@RequestMapping("/hub/addenda")
@PreAuthorize(HubAddendaController.VIEW)
class HubAddendaController {

    static final String VIEW = "hasAnyRole('NETWORK_COORDINATOR', 'ADMIN')";
    static final String ACT = "hasRole('NETWORK_COORDINATOR')";

    private final Addenda addenda;
    private final History history;
    private final Forms forms;
    private final Messages messages;

    HubAddendaController(Addenda addenda, History history, Forms forms, Messages messages) {
        this.addenda = addenda;
        this.history = history;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    String list(Model model) {
        return listPage(model);
    }

    private String listPage(Model model) {
        model.addAttribute("addenda", addenda.list());
        choices(model);
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", AddendumDraft.blank());
        }
        rows(model);
        return "network/hub-addenda";
    }

    @PostMapping
    @PreAuthorize(ACT)
    String draft(
            @Valid @ModelAttribute("draft") AddendumDraft draft,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    HubAddendum created = addenda.draft(draft);
                    flash.addFlashAttribute(
                            "success",
                            messages.get("network.addendum.draftedFlash", created.code(), created.version()));
                    return "redirect:/hub/addenda/" + created.id();
                },
                () -> listPage(model));
    }

    @GetMapping("/{id}")
    @PreAuthorize(VIEW)
    String show(@PathVariable UUID id, Model model) {
        return addendumPage(id, model);
    }

    private String addendumPage(UUID id, Model model) {
        HubAddendum addendum = addenda.find(id);
        model.addAttribute("addendum", addendum);
        model.addAttribute("versions", addenda.versions(addendum.code()));
        model.addAttribute("benchmark", addenda.benchmark(id));
        model.addAttribute("history", history.of(Addenda.RECORD_TYPE, id));
        choices(model);
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", addendum.toDraft().withEmptyRows(2));
        }
        rows(model);
        if (!model.containsAttribute("withdrawal")) {
            model.addAttribute("withdrawal", Reason.blank());
        }
        return "network/hub-addendum";
    }

    @PostMapping("/{id}")
    @PreAuthorize(ACT)
    String amend(
            @PathVariable UUID id,
            @Valid @ModelAttribute("draft") AddendumDraft draft,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    HubAddendum amended = addenda.amend(id, draft);
                    flash.addFlashAttribute(
                            "success",
                            messages.get("network.addendum.amendedFlash", amended.code(), amended.version()));
                    return "redirect:/hub/addenda/" + id;
                },
                () -> addendumPage(id, model));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(ACT)
    String publish(@PathVariable UUID id, RedirectAttributes flash) {
        HubAddendum published = addenda.publish(id);
        flash.addFlashAttribute(
                "success", messages.get("network.addendum.publishedFlash", published.code(), published.version()));
        return "redirect:/hub/addenda/" + id;
    }

    @PostMapping("/{id}/versions")
    @PreAuthorize(ACT)
    String newVersion(@PathVariable UUID id, RedirectAttributes flash) {
        HubAddendum next = addenda.newVersion(id);
        flash.addFlashAttribute("success", messages.get("network.addendum.draftedFlash", next.code(), next.version()));
        return "redirect:/hub/addenda/" + next.id();
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize(ACT)
    String withdraw(
            @PathVariable UUID id,
            @Valid @ModelAttribute("withdrawal") Reason reason,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    HubAddendum withdrawn = addenda.withdraw(id, reason.reason());
                    flash.addFlashAttribute(
                            "success",
                            messages.get("network.addendum.withdrawnFlash", withdrawn.code(), withdrawn.version()));
                    return "redirect:/hub/addenda/" + id;
                },
                () -> addendumPage(id, model));
    }

    /**
     * How many question rows the form draws: those of the form (or, when what was typed could not even be read into
     * one, as many as were posted), at least one.
     */
    private static void rows(Model model) {
        int rows = model.getAttribute("draft") instanceof AddendumDraft d
                ? d.questions().size()
                : postedRows();
        model.addAttribute("questionRows", Math.max(1, rows));
    }

    private static int postedRows() {
        if (!(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes)) {
            return 3;
        }
        int rows = 0;
        var pattern = java.util.regex.Pattern.compile("questions\\[(\\d{1,2})]\\..*");
        for (String name : attributes.getRequest().getParameterMap().keySet()) {
            var m = pattern.matcher(name);
            if (m.matches()) {
                rows = Math.max(rows, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return Math.min(rows, 30);
    }

    private static void choices(Model model) {
        model.addAttribute("answerTypes", AnswerType.values());
        model.addAttribute("categories", DeferralCategory.values());
    }
}
