package org.openmilkbank.equipment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.TextLimits;
import org.openmilkbank.standards.Standards;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Heat-penetration studies of the pasteurisers (Brazil, rBLH): the load, the preheat time found and the cold-point
 * probe; valid for the profile's number of cycles, until a repair or a deviation over the profile's limit.
 */
@Service
@Transactional(readOnly = true)
public class HeatPenetrationStudies {

    private final EquipmentManagement register;
    private final HeatPenetrationStudyRepository studies;
    private final Standards standards;
    private final History history;
    private final Clock clock;

    HeatPenetrationStudies(
            EquipmentManagement register,
            HeatPenetrationStudyRepository studies,
            Standards standards,
            History history,
            Clock clock) {
        this.register = register;
        this.studies = studies;
        this.standards = standards;
        this.history = history;
        this.clock = clock;
    }

    @Transactional
    public HeatPenetrationStudyView record(UUID pasteuriserId, NewHeatPenetrationStudy details) {
        Equipment p = register.instrument(pasteuriserId);
        if (p.kind() != EquipmentKind.PASTEURISER) {
            throw new RuleViolation("equipment.study.notPasteuriser", p.code());
        }
        if (details == null) {
            throw new RuleViolation("equipment.study.required").on("bottleCount");
        }
        UUID probeId = null;
        if (details.coldPointProbeCode() != null
                && !details.coldPointProbeCode().isBlank()) {
            EquipmentView probe = register.findByCode(details.coldPointProbeCode())
                    .orElseThrow(() -> new RuleViolation(
                                    "equipment.study.probeUnknown",
                                    details.coldPointProbeCode().strip())
                            .on("coldPointProbeCode"));
            if (probe.kind() != EquipmentKind.PROBE && probe.kind() != EquipmentKind.THERMOMETER) {
                throw new RuleViolation("equipment.study.notAProbe", probe.code(), Said.label(probe.kind()))
                        .on("coldPointProbeCode");
            }
            probeId = probe.id();
        }
        int cycles = standards.activeProfile().heatPenetrationEveryCycles();
        HeatPenetrationStudy s = HeatPenetrationStudy.record(
                pasteuriserId, details, probeId, cycles, CurrentActor.username(), clock.instant());
        studies.save(s);
        HeatPenetrationStudyView v = s.view();
        history.record(
                EquipmentManagement.EQUIPMENT,
                pasteuriserId,
                Said.of(
                        "equipment.history.studied",
                        register.day(v.studiedAt()),
                        v.maxBottles(),
                        v.bottleVolumeMl(),
                        v.preheatMinutes(),
                        v.validForCycles()));
        return v;
    }

    /**
     * A deviation found when the study is checked (percent of the studied curve); one over the profile's limit
     * invalidates the study from now.
     */
    @Transactional
    public HeatPenetrationStudyView recordDeviation(UUID pasteuriserId, UUID studyId, BigDecimal percent, String note) {
        HeatPenetrationStudy s = studies.findById(studyId)
                .filter(o -> o.pasteuriserId().equals(pasteuriserId))
                .orElseThrow(() -> new NotFound("equipment.study.notFound", studyId));
        if (percent == null) {
            throw new RuleViolation("equipment.study.required").on("percent");
        }
        if (percent.signum() < 0 || percent.compareTo(new BigDecimal("1000")) > 0) {
            throw new RuleViolation("equipment.study.outOfRange", percent, 0, 1000).on("percent");
        }
        if (note == null || note.isBlank()) {
            throw new RuleViolation("equipment.study.deviationNoteRequired").on("note");
        }
        if (note.strip().length() > TextLimits.NOTE) {
            throw new RuleViolation("equipment.tooLong", TextLimits.NOTE).on("note");
        }
        int limit = standards.activeProfile().heatPenetrationMaxDeviationPercent();
        Instant now = clock.instant();
        boolean over = percent.compareTo(BigDecimal.valueOf(limit)) > 0;
        if (over) {
            s.invalidate(InvalidationCause.DEVIATION, note.strip(), now);
        }
        history.record(
                EquipmentManagement.EQUIPMENT,
                pasteuriserId,
                Said.of(
                        over ? "equipment.history.deviationOver" : "equipment.history.deviationWithin",
                        percent,
                        limit,
                        register.day(s.view().studiedAt()),
                        note.strip()));
        return s.view();
    }

    /** The pasteuriser's studies, latest first. */
    public List<HeatPenetrationStudyView> of(UUID pasteuriserId) {
        return studies.findByPasteuriserIdOrderByStudiedAtDesc(pasteuriserId).stream()
                .map(HeatPenetrationStudy::view)
                .toList();
    }
}
