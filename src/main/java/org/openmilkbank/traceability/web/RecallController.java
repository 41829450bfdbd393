package org.openmilkbank.traceability.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.traceability.HoldOutcome;
import org.openmilkbank.traceability.RecallCase;
import org.openmilkbank.traceability.RecallSource;
import org.openmilkbank.traceability.Recalls;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The recall pages: the list and a new recall's source, the preview of everything it reaches (nothing written
 * yet), then the case with its tasks, its closing and its report.
 */
@Controller
@RequestMapping("/recalls")
class RecallController {

    private final Recalls recalls;
    private final Messages messages;
    private final Forms forms;

    RecallController(Recalls recalls, Messages messages, Forms forms) {
        this.forms = forms;
        this.recalls = recalls;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN', 'DONOR_COORDINATOR', 'LAB_TECHNICIAN')")
    String list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        listed(model, PageRequest.of(page, size));
        return "traceability/recalls";
    }

    /** Step 1: what the source reaches; a refused source re-renders the form with its reason. */
    @GetMapping("/preview")
    @PreAuthorize("hasRole('MANAGER')")
    String preview(
            @RequestParam(name = "source", required = false) RecallSource.Kind kind,
            @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "basis", required = false) RecallSource.WindowBasis basis,
            Model model) {
        RecallSource source = new RecallSource(kind, code, from, to, basis);
        try {
            return previewPage(source, model);
        } catch (RuleViolation e) {
            listed(model, PageRequest.first());
            model.addAttribute("source", source);
            model.addAttribute("error", messages.of(e));
            return "traceability/recalls";
        }
    }

    private String previewPage(RecallSource source, Model model) {
        model.addAttribute("source", source);
        model.addAttribute("preview", recalls.preview(source));
        if (!model.containsAttribute("openRecall")) {
            model.addAttribute("openRecall", new RecallApiController.OpenRecall(source, null));
        }
        return "traceability/recall-preview";
    }

    /**
     * Step 2: confirmed with a reason, everything unfed goes on hold and the case opens. The same record the API
     * takes; a refused reason comes back beside the field with the preview.
     */
    @PostMapping
    @PreAuthorize("hasRole('MANAGER')")
    String open(
            @Valid @ModelAttribute("openRecall") RecallApiController.OpenRecall form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        RecallSource source = form.source() == null ? new RecallSource(null, null, null, null, null) : form.source();
        return forms.submit(
                result,
                () -> {
                    RecallCase opened = recalls.open(source, form.reason());
                    flash.addFlashAttribute(
                            "success",
                            messages.get(
                                    "recall.opened",
                                    opened.code(),
                                    opened.holds().size(),
                                    opened.tasks().size()));
                    return "redirect:/recalls/" + opened.code();
                },
                () -> previewPage(source, model));
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN', 'DONOR_COORDINATOR', 'LAB_TECHNICIAN')")
    String recall(@PathVariable String code, Model model) {
        return recallPage(code, model);
    }

    private String recallPage(String code, Model model) {
        RecallCase recall = recalls.find(code);
        model.addAttribute("recall", recall);
        model.addAttribute("preview", recall.asPreview());
        model.addAttribute("history", recalls.history(code));
        if (!model.containsAttribute("taskNote")) {
            model.addAttribute("taskNote", new TaskNote(null));
        }
        if (!model.containsAttribute("closing")) {
            model.addAttribute("closing", new CloseRecall());
        }
        return "traceability/recall";
    }

    /** What the manager types when she marks a task: a note (what was done, or why it is waived or undone). */
    record TaskNote(@Size(max = 2000) String note) {}

    /**
     * Closing the case: a summary, and an outcome per unit or donor window still held ({@code outcome[<id>]},
     * DISCARDED when not chosen). A form bean rather than a record: the outcomes are a map keyed by the page's rows.
     */
    public static class CloseRecall {
        @NotBlank
        @Size(max = 2000)
        private String summary;

        private Map<String, String> outcome = new LinkedHashMap<>();

        public String getSummary() {
            return summary;
        }

        public void setSummary(String summary) {
            this.summary = summary;
        }

        public Map<String, String> getOutcome() {
            return outcome;
        }

        public void setOutcome(Map<String, String> outcome) {
            this.outcome = outcome;
        }
    }

    @PostMapping("/{code}/tasks/{id}/{mark}")
    @PreAuthorize("hasRole('MANAGER')")
    String mark(
            @PathVariable String code,
            @PathVariable UUID id,
            @PathVariable String mark,
            @Valid @ModelAttribute("taskNote") TaskNote note,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    RecallCase.MarkKind kind = switch (mark) {
                        case "done" -> RecallCase.MarkKind.DONE;
                        case "waive" -> RecallCase.MarkKind.WAIVED;
                        case "reopen" -> RecallCase.MarkKind.REOPENED;
                        default -> throw new RuleViolation("recall.task.mark.unknown", mark);
                    };
                    RecallCase recall = recalls.mark(code, id, kind, note.note());
                    flash.addFlashAttribute("success", messages.get("recall.task.marked." + kind.name()));
                    return "redirect:/recalls/" + recall.code() + "#tasks";
                },
                () -> {
                    // only the task that was refused shows what was typed and why
                    model.addAttribute("refusedTask", id);
                    return recallPage(code, model);
                });
    }

    /** Closes the case; each unit's hold ends as chosen in {@code outcome[<unit id>]} (DISCARDED by default). */
    @PostMapping("/{code}/close")
    @PreAuthorize("hasRole('MANAGER')")
    String close(
            @PathVariable String code,
            @Valid @ModelAttribute("closing") CloseRecall form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    Map<UUID, HoldOutcome> outcomes = new LinkedHashMap<>();
                    form.getOutcome().forEach((id, value) -> {
                        if (value == null || value.isBlank()) {
                            return;
                        }
                        try {
                            outcomes.put(UUID.fromString(id), HoldOutcome.valueOf(value));
                        } catch (IllegalArgumentException e) {
                            throw new RuleViolation("recall.close.outcome.invalid", value);
                        }
                    });
                    RecallCase closed =
                            recalls.close(code, form.getSummary(), outcomes, LocaleContextHolder.getLocale());
                    flash.addFlashAttribute("success", messages.get("recall.closedNow", closed.code()));
                    return "redirect:/recalls/" + closed.code();
                },
                () -> recallPage(code, model));
    }

    @GetMapping("/{code}/report.pdf")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN', 'DONOR_COORDINATOR', 'LAB_TECHNICIAN')")
    ResponseEntity<byte[]> report(@PathVariable String code) {
        return RecallApiController.pdf(code, recalls.report(code));
    }

    /** One page of the recalls, newest first, with the total. */
    private void listed(Model model, PageRequest request) {
        Paged<?> paged = Paged.slice(recalls.list(), request);
        model.addAttribute("paged", paged);
        model.addAttribute("recalls", paged.items());
    }
}
