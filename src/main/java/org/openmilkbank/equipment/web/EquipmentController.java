package org.openmilkbank.equipment.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.EquipmentView;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The calibration work list and register, an instrument's page, and every form of them. */
@Controller
@RequestMapping("/equipment")
@PreAuthorize(EquipmentRoles.VIEW)
class EquipmentController {

    private final EquipmentManagement equipment;
    private final EquipmentActions actions;
    private final EquipmentPages pages;
    private final Forms forms;
    private final Messages messages;

    EquipmentController(
            EquipmentManagement equipment,
            EquipmentActions actions,
            EquipmentPages pages,
            Forms forms,
            Messages messages) {
        this.equipment = equipment;
        this.actions = actions;
        this.pages = pages;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(EquipmentRoles.VIEW)
    String home(
            @RequestParam(required = false) Integer within,
            @RequestParam(required = false) EquipmentKind kind,
            @RequestParam(required = false) Integer page,
            Model model) {
        return pages.homePage(within, kind, page, model);
    }

    /** A scanned instrument code opens its page. */
    @GetMapping("/scan")
    @PreAuthorize(EquipmentRoles.VIEW)
    String scan(@RequestParam(required = false) String code, RedirectAttributes flash) {
        return equipment
                .findByCode(code)
                .map(e -> "redirect:/equipment/" + e.id())
                .orElseGet(() -> {
                    flash.addFlashAttribute(
                            "error", messages.get("equipment.scan.unknown", code == null ? "" : code.strip()));
                    return "redirect:/equipment";
                });
    }

    @PostMapping
    @PreAuthorize(EquipmentRoles.MANAGE)
    String register(
            @Valid @ModelAttribute("newInstrument") EquipmentBodies.InstrumentBody newInstrument,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    EquipmentView e = actions.register(newInstrument);
                    flash.addFlashAttribute("success", messages.get("equipment.registered", e.code()));
                    return "redirect:/equipment/" + e.id();
                },
                () -> pages.homePage(null, null, null, model));
    }

    @GetMapping("/{id}")
    @PreAuthorize(EquipmentRoles.VIEW)
    String show(@PathVariable UUID id, Model model) {
        return pages.instrumentPage(id, model, 0);
    }

    @PostMapping("/{id}")
    @PreAuthorize(EquipmentRoles.MANAGE)
    String amend(
            @PathVariable UUID id,
            @Valid @ModelAttribute("amendment") EquipmentBodies.InstrumentBody amendment,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    actions.amend(id, amendment);
                    flash.addFlashAttribute("success", messages.get("equipment.amended"));
                    return "redirect:/equipment/" + id;
                },
                () -> pages.instrumentPage(id, model, 0));
    }

    @PostMapping("/{id}/status")
    @PreAuthorize(EquipmentRoles.MANAGE)
    String changeStatus(
            @PathVariable UUID id,
            @Valid @ModelAttribute("statusChange") EquipmentBodies.StatusBody statusChange,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    actions.changeStatus(id, statusChange);
                    flash.addFlashAttribute("success", messages.get("equipment.statusChanged"));
                    return "redirect:/equipment/" + id;
                },
                () -> pages.instrumentPage(id, model, 0));
    }

    /** Records the calibration; "add a point" draws the form again, as typed, with one more row. */
    @PostMapping("/{id}/calibrations")
    @PreAuthorize(EquipmentRoles.RECORD)
    String calibrate(
            @PathVariable UUID id,
            @Valid @ModelAttribute("calibration") EquipmentBodies.CalibrationBody calibration,
            BindingResult result,
            @RequestParam(required = false) String addPoint,
            Model model,
            RedirectAttributes flash) {
        if (addPoint != null) {
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "calibration");
            return pages.instrumentPage(id, model, 1);
        }
        return forms.submit(
                result,
                () -> {
                    var c = actions.calibrate(id, calibration);
                    flash.addFlashAttribute(
                            c.outcome().foundOutOfTolerance() ? "error" : "success",
                            messages.get("equipment.calibration.recorded."
                                    + c.outcome().name()));
                    return "redirect:/equipment/" + id;
                },
                () -> pages.instrumentPage(id, model, 0));
    }

    @PostMapping("/{id}/calibrations/void")
    @PreAuthorize(EquipmentRoles.RECORD)
    String voidCalibration(
            @PathVariable UUID id,
            @Valid @ModelAttribute("voiding") EquipmentBodies.VoidBody voiding,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    actions.voidCalibration(id, voiding);
                    flash.addFlashAttribute("success", messages.get("equipment.calibration.voided"));
                    return "redirect:/equipment/" + id;
                },
                () -> pages.instrumentPage(id, model, 0));
    }

    @PostMapping("/{id}/repairs")
    @PreAuthorize(EquipmentRoles.RECORD)
    String repair(
            @PathVariable UUID id,
            @Valid @ModelAttribute("repair") EquipmentBodies.RepairBody repair,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    actions.repair(id, repair);
                    flash.addFlashAttribute("success", messages.get("equipment.repair.recorded"));
                    return "redirect:/equipment/" + id;
                },
                () -> pages.instrumentPage(id, model, 0));
    }

    @PostMapping("/{id}/studies")
    @PreAuthorize(EquipmentRoles.RECORD)
    String study(
            @PathVariable UUID id,
            @Valid @ModelAttribute("study") EquipmentBodies.StudyBody study,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    actions.study(id, study);
                    flash.addFlashAttribute("success", messages.get("equipment.study.recorded"));
                    return "redirect:/equipment/" + id;
                },
                () -> pages.instrumentPage(id, model, 0));
    }

    @PostMapping("/{id}/studies/deviations")
    @PreAuthorize(EquipmentRoles.RECORD)
    String deviation(
            @PathVariable UUID id,
            @Valid @ModelAttribute("deviation") EquipmentBodies.DeviationBody deviation,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    actions.deviation(id, deviation);
                    flash.addFlashAttribute("success", messages.get("equipment.study.deviationRecorded"));
                    return "redirect:/equipment/" + id;
                },
                () -> pages.instrumentPage(id, model, 0));
    }
}
