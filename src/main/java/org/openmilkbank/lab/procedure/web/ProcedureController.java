package org.openmilkbank.lab.procedure.web;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Locale;
import org.openmilkbank.lab.procedure.BenchWorksheet;
import org.openmilkbank.lab.procedure.Procedure;
import org.openmilkbank.lab.procedure.ProcedureChange;
import org.openmilkbank.lab.procedure.ProcedureView;
import org.openmilkbank.lab.procedure.Procedures;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.standards.Standards;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
 * The lab's procedures: the active profile's list, one procedure's steps (any version, any profile) with its
 * versions and history, the ADMIN's edit of a bank's own procedure, and the day's bench worksheet.
 */
@Controller
@RequestMapping("/lab")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN')")
class ProcedureController {

    private final Procedures procedures;
    private final BenchWorksheet worksheet;
    private final Standards standards;
    private final History history;
    private final Forms forms;
    private final Messages messages;

    ProcedureController(
            Procedures procedures,
            BenchWorksheet worksheet,
            Standards standards,
            History history,
            Forms forms,
            Messages messages) {
        this.procedures = procedures;
        this.worksheet = worksheet;
        this.standards = standards;
        this.history = history;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/procedures")
    String list(@RequestParam(name = "profile", required = false) String profile, Model model) {
        String code =
                profile == null || profile.isBlank() ? standards.activeProfile().code() : profile;
        model.addAttribute("profile", standards.profile(code));
        model.addAttribute("profiles", standards.profiles());
        model.addAttribute("profileNames", profileNames());
        model.addAttribute(
                "procedures",
                Arrays.stream(Procedure.values())
                        .map(p -> procedures.of(code, p, null))
                        .toList());
        return "lab/procedures";
    }

    @GetMapping("/procedures/{code}")
    String procedure(
            @PathVariable String code,
            @RequestParam(name = "profile", required = false) String profile,
            @RequestParam(name = "version", required = false) Integer version,
            Model model) {
        return procedurePage(code, profile, version, model);
    }

    String procedurePage(String code, String profile, Integer version, Model model) {
        Procedure procedure = procedure(code);
        String profileCode =
                profile == null || profile.isBlank() ? standards.activeProfile().code() : profile;
        ProcedureView view = procedures.of(profileCode, procedure, version);
        model.addAttribute("procedure", view);
        model.addAttribute("profile", standards.profile(profileCode));
        model.addAttribute("profileNames", profileNames());
        model.addAttribute("versions", procedures.versions(profileCode, procedure));
        model.addAttribute("changes", ProcedureChange.values());
        model.addAttribute("history", history.of(Procedures.RECORD_TYPE, Procedures.recordId(profileCode, procedure)));
        if (!model.containsAttribute("edit")) {
            model.addAttribute("edit", new ProcedureForms.EditForm(profileCode, null, null, null, null));
        }
        return "lab/procedure";
    }

    @PostMapping("/procedures/{code}/edits")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(
            @PathVariable String code,
            @Valid @ModelAttribute("edit") ProcedureForms.EditForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        Procedure procedure = procedure(code);
        return forms.submit(
                result,
                () -> {
                    ProcedureView view = procedures.edit(
                            form.profile(), procedure, form.change(), form.position(), form.text(), form.reason());
                    flash.addFlashAttribute(
                            "success", messages.get("lab.procedure.edit.done", Said.label(procedure), view.version()));
                    flash.addAttribute("profile", form.profile());
                    return "redirect:/lab/procedures/" + procedure.code();
                },
                () -> procedurePage(code, form.profile(), null, model));
    }

    /** Today's bench worksheet in the reader's language. */
    @GetMapping("/worksheet.pdf")
    ResponseEntity<byte[]> worksheet(Locale locale) {
        return pdf(worksheet.pdf(locale));
    }

    /** The label of a sample's tube, on the 50 × 25 mm roll, in the reader's language. */
    @GetMapping("/samples/{id}/label.pdf")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    ResponseEntity<byte[]> sampleLabel(@PathVariable java.util.UUID id, Locale locale) {
        return pdf(worksheet.sampleLabel(id, locale));
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"worksheet.pdf\"")
                .body(pdf);
    }

    /** Each profile's name as the reader reads it: a built-in standard's from the bundle, a bank's as it wrote it. */
    private java.util.Map<String, String> profileNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        standards
                .profiles()
                .forEach(p -> names.put(
                        p.code(), p.bankOwn() ? p.name() : messages.get("standards.profile." + p.code() + ".name")));
        return names;
    }

    static Procedure procedure(String code) {
        return Procedure.ofCode(code).orElseThrow(() -> new NotFound("lab.procedure.notFound", code));
    }
}
