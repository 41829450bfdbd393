package org.openmilkbank.equipment.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.openmilkbank.equipment.CalibrationStanding;
import org.openmilkbank.equipment.CalibrationView;
import org.openmilkbank.equipment.Calibrations;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.EquipmentView;
import org.openmilkbank.equipment.EquipmentWorkList;
import org.openmilkbank.equipment.HeatPenetrationStudies;
import org.openmilkbank.equipment.HeatPenetrationStudyView;
import org.openmilkbank.equipment.InstrumentRow;
import org.openmilkbank.equipment.RepairView;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The equipment register, calibrations, standings and studies over JSON, with the page forms' own records. */
@RestController
@RequestMapping("/api/v1/equipment")
@PreAuthorize(EquipmentRoles.VIEW)
class EquipmentApiController {

    private final EquipmentManagement equipment;
    private final Calibrations calibrations;
    private final HeatPenetrationStudies studies;
    private final EquipmentActions actions;
    private final Clock clock;

    EquipmentApiController(
            EquipmentManagement equipment,
            Calibrations calibrations,
            HeatPenetrationStudies studies,
            EquipmentActions actions,
            Clock clock) {
        this.equipment = equipment;
        this.calibrations = calibrations;
        this.studies = studies;
        this.actions = actions;
        this.clock = clock;
    }

    /** Every instrument (of one kind) with its standing now. */
    @GetMapping
    @PreAuthorize(EquipmentRoles.VIEW)
    Paged<InstrumentRow> list(
            @RequestParam(required = false) EquipmentKind kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(equipment.rows(kind), PageRequest.of(page, size));
    }

    /** Calibrations overdue, due within {@code within} days (14 unless given), out of tolerance, out of service. */
    @GetMapping("/due")
    @PreAuthorize(EquipmentRoles.VIEW)
    EquipmentWorkList due(@RequestParam(required = false) Integer within) {
        return equipment.workList(within);
    }

    @GetMapping("/by-code/{code}")
    @PreAuthorize(EquipmentRoles.VIEW)
    EquipmentView byCode(@PathVariable String code) {
        return equipment.findByCode(code).orElseThrow(() -> new NotFound("equipment.codeNotFound", code));
    }

    @GetMapping("/{id}")
    @PreAuthorize(EquipmentRoles.VIEW)
    EquipmentView get(@PathVariable UUID id) {
        return equipment.find(id).orElseThrow(() -> new NotFound("equipment.notFound", id));
    }

    /** The standing at {@code at} (ISO instant, e.g. 2026-03-04T08:15:00Z); now when not given. */
    @GetMapping("/{id}/standing")
    @PreAuthorize(EquipmentRoles.VIEW)
    CalibrationStanding standing(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        return equipment.standingAt(id, at == null ? clock.instant() : at);
    }

    @GetMapping("/{id}/calibrations")
    @PreAuthorize(EquipmentRoles.VIEW)
    Paged<CalibrationView> calibrations(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        get(id);
        return Paged.slice(calibrations.of(id), PageRequest.of(page, size));
    }

    @GetMapping("/{id}/studies")
    @PreAuthorize(EquipmentRoles.VIEW)
    Paged<HeatPenetrationStudyView> studies(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        get(id);
        return Paged.slice(studies.of(id), PageRequest.of(page, size));
    }

    /** The pasteuriser's heat-penetration study in force at {@code at} (now when not given). */
    @GetMapping("/{id}/heat-penetration")
    @PreAuthorize(EquipmentRoles.VIEW)
    HeatPenetrationStudyView heatPenetration(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        return equipment
                .heatPenetrationAt(id, at == null ? clock.instant() : at)
                .orElseThrow(() -> new NotFound("equipment.study.none", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EquipmentRoles.MANAGE)
    EquipmentView register(@Valid @RequestBody EquipmentBodies.InstrumentBody body) {
        return actions.register(body);
    }

    @PutMapping("/{id}")
    @PreAuthorize(EquipmentRoles.MANAGE)
    EquipmentView amend(@PathVariable UUID id, @Valid @RequestBody EquipmentBodies.InstrumentBody body) {
        return actions.amend(id, body);
    }

    @PostMapping("/{id}/status")
    @PreAuthorize(EquipmentRoles.MANAGE)
    EquipmentView status(@PathVariable UUID id, @Valid @RequestBody EquipmentBodies.StatusBody body) {
        return actions.changeStatus(id, body);
    }

    @PostMapping("/{id}/calibrations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EquipmentRoles.RECORD)
    CalibrationView calibrate(@PathVariable UUID id, @Valid @RequestBody EquipmentBodies.CalibrationBody body) {
        return actions.calibrate(id, body);
    }

    @PostMapping("/{id}/calibrations/void")
    @PreAuthorize(EquipmentRoles.RECORD)
    CalibrationView voidCalibration(@PathVariable UUID id, @Valid @RequestBody EquipmentBodies.VoidBody body) {
        return actions.voidCalibration(id, body);
    }

    @PostMapping("/{id}/repairs")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EquipmentRoles.RECORD)
    RepairView repair(@PathVariable UUID id, @Valid @RequestBody EquipmentBodies.RepairBody body) {
        return actions.repair(id, body);
    }

    @PostMapping("/{id}/studies")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EquipmentRoles.RECORD)
    HeatPenetrationStudyView study(@PathVariable UUID id, @Valid @RequestBody EquipmentBodies.StudyBody body) {
        return actions.study(id, body);
    }

    @PostMapping("/{id}/studies/deviations")
    @PreAuthorize(EquipmentRoles.RECORD)
    HeatPenetrationStudyView deviation(@PathVariable UUID id, @Valid @RequestBody EquipmentBodies.DeviationBody body) {
        return actions.deviation(id, body);
    }
}
