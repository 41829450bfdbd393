package org.openmilkbank.equipment.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.equipment.CalibrationView;
import org.openmilkbank.equipment.Calibrations;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.EquipmentStatus;
import org.openmilkbank.equipment.EquipmentView;
import org.openmilkbank.equipment.HeatPenetrationStudies;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Draws the work list and an instrument's page with their forms: blank, or as typed when the model already holds a
 * refused form (the GET handlers and every refused form call these).
 */
@Component
class EquipmentPages {

    /** Where a thermometer of a pasteuriser is checked: below, at and above the Holder temperature. */
    private static final List<BigDecimal> NOMINALS =
            List.of(new BigDecimal("4"), new BigDecimal("62.5"), new BigDecimal("72"));

    private final EquipmentManagement equipment;
    private final Calibrations calibrations;
    private final HeatPenetrationStudies studies;
    private final History history;
    private final Clock clock;

    EquipmentPages(
            EquipmentManagement equipment,
            Calibrations calibrations,
            HeatPenetrationStudies studies,
            History history,
            Clock clock) {
        this.equipment = equipment;
        this.calibrations = calibrations;
        this.studies = studies;
        this.history = history;
        this.clock = clock;
    }

    String homePage(Integer within, EquipmentKind kind, Integer page, Model model) {
        model.addAttribute("work", equipment.workList(within));
        model.addAttribute("paged", Paged.slice(equipment.rows(kind), PageRequest.of(page, null)));
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", EquipmentKind.values());
        addIfAbsent(model, "newInstrument", EquipmentBodies.InstrumentBody.blank());
        return "equipment/home";
    }

    String instrumentPage(UUID id, Model model, int extraRows) {
        EquipmentView e = equipment.find(id).orElseThrow(() -> new NotFound("equipment.notFound", id));
        EquipmentView parent = equipment.find(e.parentId()).orElse(null);
        List<CalibrationView> all = calibrations.of(id);
        model.addAttribute("instrument", e);
        model.addAttribute("parent", parent);
        model.addAttribute("children", equipment.children(id));
        model.addAttribute("standing", equipment.standingAt(id, clock.instant()));
        model.addAttribute("calibrations", all);
        model.addAttribute(
                "activeCalibrations", all.stream().filter(c -> !c.voided()).toList());
        model.addAttribute("studies", e.kind() == EquipmentKind.PASTEURISER ? studies.of(id) : List.of());
        model.addAttribute("repairs", equipment.repairs(id));
        model.addAttribute("statuses", equipment.statusHistory(id));
        model.addAttribute("kinds", EquipmentKind.values());
        model.addAttribute("statusChoices", EquipmentStatus.values());
        model.addAttribute("now", LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("history", history.of(EquipmentManagement.EQUIPMENT, id));
        addIfAbsent(model, "amendment", EquipmentBodies.InstrumentBody.of(e, parent == null ? null : parent.code()));
        addIfAbsent(model, "statusChange", new EquipmentBodies.StatusBody(null, null));
        addIfAbsent(model, "calibration", EquipmentBodies.CalibrationBody.blank(NOMINALS));
        model.addAttribute(
                "pointRows", ((EquipmentBodies.CalibrationBody) model.getAttribute("calibration")).rows(extraRows));
        addIfAbsent(model, "voiding", new EquipmentBodies.VoidBody(null, null));
        addIfAbsent(model, "repair", new EquipmentBodies.RepairBody(null, null));
        addIfAbsent(model, "study", EquipmentBodies.StudyBody.blank());
        addIfAbsent(model, "deviation", new EquipmentBodies.DeviationBody(null, null, null));
        return "equipment/instrument";
    }

    private static void addIfAbsent(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }
}
