package org.openmilkbank.equipment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calibrations of the bank's instruments: recorded against the instrument's tolerance and interval (or the active
 * profile's), voided with a reason. A calibration that finds an instrument out of tolerance publishes
 * {@link InstrumentFoundOutOfTolerance} in its own transaction.
 */
@Service
@Transactional(readOnly = true)
public class Calibrations {

    private final EquipmentManagement register;
    private final CalibrationRepository calibrations;
    private final Standards standards;
    private final History history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Calibrations(
            EquipmentManagement register,
            CalibrationRepository calibrations,
            Standards standards,
            History history,
            ApplicationEventPublisher events,
            Clock clock) {
        this.register = register;
        this.calibrations = calibrations;
        this.standards = standards;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CalibrationView record(UUID equipmentId, NewCalibration details) {
        Equipment e = register.instrument(equipmentId);
        if (e.status() == EquipmentStatus.RETIRED) {
            throw new RuleViolation("equipment.calibration.retired", e.code());
        }
        if (details == null) {
            throw new RuleViolation("equipment.calibration.pointsRequired").on("points");
        }
        if (details.referenceCode() != null && !details.referenceCode().isBlank()) {
            EquipmentView reference = register.findByCode(details.referenceCode())
                    .orElseThrow(() -> new RuleViolation(
                                    "equipment.calibration.referenceUnknown",
                                    details.referenceCode().strip())
                            .on("referenceCode"));
            if (reference.id().equals(equipmentId)) {
                throw new RuleViolation("equipment.calibration.referenceItself").on("referenceCode");
            }
        }
        StandardProfile profile = standards.activeProfile();
        BigDecimal tolerance = e.toleranceC() != null ? e.toleranceC() : profile.calibrationToleranceC();
        int interval = e.intervalDays() != null ? e.intervalDays() : profile.calibrationIntervalDays();
        Instant now = clock.instant();
        Calibration c = Calibration.record(
                equipmentId, details, tolerance, interval, CurrentActor.username(), now, clock.getZone());
        calibrations.save(c);
        CalibrationView v = c.view();
        history.record(
                EquipmentManagement.EQUIPMENT,
                equipmentId,
                Said.of(
                        "equipment.history.calibrated",
                        register.day(v.performedAt()),
                        Said.label(v.outcome()),
                        v.worstAsFoundErrorC(),
                        v.worstAsLeftErrorC(),
                        v.toleranceC(),
                        v.dueOn()));
        if (c.foundOutOfTolerance()) {
            Instant lastGood = calibrations.findByEquipmentIdOrderByPerformedAtDesc(equipmentId).stream()
                    .filter(o -> !o.voided() && !o.id().equals(c.id()))
                    .filter(o -> o.performedAt().isBefore(v.performedAt())
                            && o.outcome().goodAsLeft())
                    .map(Calibration::performedAt)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            history.record(
                    EquipmentManagement.EQUIPMENT,
                    equipmentId,
                    Said.of(
                            "equipment.history.foundOutOfTolerance",
                            v.worstAsFoundErrorC(),
                            v.toleranceC(),
                            lastGood == null ? Said.code("equipment.neverGood") : register.day(lastGood)));
            events.publishEvent(new InstrumentFoundOutOfTolerance(
                    equipmentId, e.code(), c.id(), lastGood, v.performedAt(), v.worstAsFoundErrorC()));
        }
        return v;
    }

    @Transactional
    public CalibrationView voidCalibration(UUID equipmentId, UUID calibrationId, String reason) {
        EquipmentManagement.requireReason(reason);
        Calibration c = calibrations
                .findById(calibrationId)
                .filter(o -> o.equipmentId().equals(equipmentId))
                .orElseThrow(() -> new NotFound("equipment.calibration.notFound", calibrationId));
        c.voidWith(reason, CurrentActor.username(), clock.instant());
        history.recordCorrection(
                EquipmentManagement.EQUIPMENT,
                equipmentId,
                Said.of("equipment.history.calibrationVoided", register.day(c.performedAt())),
                reason);
        return c.view();
    }

    /** The instrument's calibrations, latest first, voided ones included (marked). */
    public List<CalibrationView> of(UUID equipmentId) {
        return calibrations.findByEquipmentIdOrderByPerformedAtDesc(equipmentId).stream()
                .map(Calibration::view)
                .toList();
    }
}
