package org.openmilkbank.equipment.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.openmilkbank.equipment.CalibrationView;
import org.openmilkbank.equipment.Calibrations;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.EquipmentView;
import org.openmilkbank.equipment.HeatPenetrationStudies;
import org.openmilkbank.equipment.HeatPenetrationStudyView;
import org.openmilkbank.equipment.NewCalibration;
import org.openmilkbank.equipment.NewEquipment;
import org.openmilkbank.equipment.NewHeatPenetrationStudy;
import org.openmilkbank.equipment.RepairView;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.stereotype.Component;

/** What the page and the API both do with a body: the same calls, times read in the bank's zone. */
@Component
class EquipmentActions {

    private final EquipmentManagement equipment;
    private final Calibrations calibrations;
    private final HeatPenetrationStudies studies;
    private final Clock clock;

    EquipmentActions(
            EquipmentManagement equipment, Calibrations calibrations, HeatPenetrationStudies studies, Clock clock) {
        this.equipment = equipment;
        this.calibrations = calibrations;
        this.studies = studies;
        this.clock = clock;
    }

    EquipmentView register(EquipmentBodies.InstrumentBody b) {
        return equipment.register(details(b, instant(b.inServiceFrom())));
    }

    EquipmentView amend(UUID id, EquipmentBodies.InstrumentBody b) {
        return equipment.amend(id, details(b, null), b.reason());
    }

    EquipmentView changeStatus(UUID id, EquipmentBodies.StatusBody b) {
        return equipment.changeStatus(id, b.status(), b.reason());
    }

    CalibrationView calibrate(UUID id, EquipmentBodies.CalibrationBody b) {
        return calibrations.record(
                id,
                new NewCalibration(
                        instant(b.performedAt()),
                        b.referenceCode(),
                        b.referenceDescription(),
                        b.certificateNumber(),
                        b.certificateIssuer(),
                        b.certificateValidUntil(),
                        b.points().stream()
                                .filter(p -> p != null)
                                .map(EquipmentBodies.PointBody::typed)
                                .toList(),
                        b.note()));
    }

    CalibrationView voidCalibration(UUID id, EquipmentBodies.VoidBody b) {
        if (b.calibrationId() == null) {
            throw new RuleViolation("equipment.calibration.choose").on("calibrationId");
        }
        return calibrations.voidCalibration(id, b.calibrationId(), b.reason());
    }

    RepairView repair(UUID id, EquipmentBodies.RepairBody b) {
        return equipment.recordRepair(id, instant(b.repairedAt()), b.description());
    }

    HeatPenetrationStudyView study(UUID id, EquipmentBodies.StudyBody b) {
        return studies.record(
                id,
                new NewHeatPenetrationStudy(
                        instant(b.studiedAt()),
                        b.bottleCount(),
                        b.bottleVolumeMl(),
                        b.preheatMinutes(),
                        b.coldPointProbeCode(),
                        b.note()));
    }

    HeatPenetrationStudyView deviation(UUID id, EquipmentBodies.DeviationBody b) {
        if (b.studyId() == null) {
            throw new RuleViolation("equipment.study.choose").on("studyId");
        }
        return studies.recordDeviation(id, b.studyId(), b.percent(), b.note());
    }

    private static NewEquipment details(EquipmentBodies.InstrumentBody b, Instant inServiceFrom) {
        return new NewEquipment(
                b.code(),
                b.kind(),
                b.name(),
                b.model(),
                b.serial(),
                b.location(),
                b.parentCode(),
                b.toleranceC(),
                b.intervalDays(),
                inServiceFrom);
    }

    private Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(clock.getZone()).toInstant();
    }
}
