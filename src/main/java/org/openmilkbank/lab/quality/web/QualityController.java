package org.openmilkbank.lab.quality.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.openmilkbank.lab.QualityView;
import org.openmilkbank.lab.quality.CrematocritForm;
import org.openmilkbank.lab.quality.DornicForm;
import org.openmilkbank.lab.quality.QualityManagement;
import org.openmilkbank.lab.quality.SensoryForm;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Raw milk quality control by scanner: scan a container's DIN, Enter, and its three checks (sensory, Dornic,
 * crematocrit) are one page; the work list shows raw containers still missing a check the profile requires.
 */
@Controller
@PreAuthorize(QualityController.VIEW)
class QualityController {

    static final String VIEW = "hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN')";
    static final String ACT = "hasRole('LAB_TECHNICIAN')";

    /** What the scanner typed. */
    record ScanForm(@Size(max = 200) String din) {}

    private final QualityManagement quality;
    private final History history;
    private final Forms forms;
    private final Messages messages;

    private final org.openmilkbank.lab.procedure.Procedures procedures;

    QualityController(
            QualityManagement quality,
            History history,
            Forms forms,
            Messages messages,
            org.openmilkbank.lab.procedure.Procedures procedures) {
        this.procedures = procedures;
        this.quality = quality;
        this.history = history;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/lab/quality")
    @PreAuthorize(VIEW)
    String scan(
            @Valid @ModelAttribute("scan") ScanForm scan,
            BindingResult result,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        if (scan.din() == null || scan.din().isBlank()) {
            return scanPage(page, size, model);
        }
        return forms.submit(
                result,
                () -> {
                    try {
                        return "redirect:/lab/quality/"
                                + quality.container(scan.din()).dinWithCheck();
                    } catch (NotFound unknown) {
                        throw unknown.on("din");
                    }
                },
                () -> scanPage(page, size, model));
    }

    private String scanPage(Integer page, Integer size, Model model) {
        if (!model.containsAttribute("scan")) {
            model.addAttribute("scan", new ScanForm(null));
        }
        Paged<QualityManagement.Container> awaiting = quality.awaitingQuality(PageRequest.of(page, size));
        model.addAttribute("awaiting", awaiting.items());
        model.addAttribute("paged", awaiting);
        return "lab/quality";
    }

    @GetMapping("/lab/quality/{din}")
    @PreAuthorize(VIEW)
    String container(@PathVariable String din, Model model) {
        return containerPage(din, model);
    }

    private String containerPage(String din, Model model) {
        QualityManagement.Container container = quality.container(din);
        QualityView view = quality.view(container);
        model.addAttribute("container", container);
        model.addAttribute("q", view);
        model.addAttribute("history", history.of(QualityManagement.RECORD, container.id()));
        // each check shows the profile's procedure beside its form, a checklist she ticks as she works
        model.addAttribute("sensoryProcedure", procedures.current(org.openmilkbank.lab.procedure.Procedure.SENSORY));
        model.addAttribute("dornicProcedure", procedures.current(org.openmilkbank.lab.procedure.Procedure.DORNIC));
        model.addAttribute(
                "crematocritProcedure", procedures.current(org.openmilkbank.lab.procedure.Procedure.CREMATOCRIT));
        if (!model.containsAttribute("sensory")) {
            model.addAttribute("sensory", SensoryForm.blank());
        }
        if (!model.containsAttribute("dornic")) {
            model.addAttribute("dornic", DornicForm.blank());
        }
        if (!model.containsAttribute("crematocrit")) {
            model.addAttribute("crematocrit", CrematocritForm.blank());
        }
        return "lab/quality-container";
    }

    @PostMapping("/lab/quality/{din}/sensory")
    @PreAuthorize(ACT)
    String sensory(
            @PathVariable String din,
            @Valid @ModelAttribute("sensory") SensoryForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result, () -> done(quality.recordSensory(din, form), flash), () -> containerPage(din, model));
    }

    @PostMapping("/lab/quality/{din}/dornic")
    @PreAuthorize(ACT)
    String dornic(
            @PathVariable String din,
            @Valid @ModelAttribute("dornic") DornicForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result, () -> done(quality.recordDornic(din, form), flash), () -> containerPage(din, model));
    }

    @PostMapping("/lab/quality/{din}/crematocrit")
    @PreAuthorize(ACT)
    String crematocrit(
            @PathVariable String din,
            @Valid @ModelAttribute("crematocrit") CrematocritForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result, () -> done(quality.recordCrematocrit(din, form), flash), () -> containerPage(din, model));
    }

    private String done(QualityView view, RedirectAttributes flash) {
        flash.addFlashAttribute(
                "success",
                messages.get(
                        view.rejected() ? "lab.quality.flash.rejected" : "lab.quality.flash.recorded",
                        view.dinWithCheck()));
        return "redirect:/lab/quality/" + view.dinWithCheck();
    }
}
