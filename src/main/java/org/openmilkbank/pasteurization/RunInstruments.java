package org.openmilkbank.pasteurization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.equipment.CalibrationStanding;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.EquipmentStatus;
import org.openmilkbank.equipment.EquipmentView;
import org.openmilkbank.equipment.HeatPenetrationStudyView;
import org.openmilkbank.pasteurization.curve.HeatPenetrationCheck;
import org.openmilkbank.pasteurization.curve.InstrumentCheck;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.StandardProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The instruments a run relied on: the registered pasteuriser its device code names, and every thermometer, probe
 * and logger attached to it. Kept with the run when it is recorded, so that what each was worth at the time of the
 * run (its calibration) can be asked then and again when a later calibration finds one out of tolerance.
 */
@Component
public class RunInstruments {

    /** One instrument of a run, and how it took part. */
    public record Used(UUID equipmentId, String code, Role role) {}

    public enum Role {
        PASTEURISER,
        PROBE,
        LOGGER
    }

    private final EquipmentManagement equipment;
    private final JdbcClient jdbc;

    RunInstruments(EquipmentManagement equipment, JdbcClient jdbc) {
        this.equipment = equipment;
        this.jdbc = jdbc;
    }

    /** The registered pasteuriser the device code names, if any. */
    public Optional<EquipmentView> pasteuriser(String deviceCode) {
        return equipment.findByCode(deviceCode).filter(e -> e.kind() == EquipmentKind.PASTEURISER);
    }

    /**
     * Refuses, before anything is written, a device that is not a registered pasteuriser when the profile requires
     * one: the calibration of what measured the run could not be known. The refusal names the pasteurisers in
     * service. A blank device is left to the run's own rule.
     */
    void requireRegistered(String deviceCode, StandardProfile profile) {
        if (!profile.registeredPasteuriserRequired()
                || deviceCode == null
                || deviceCode.isBlank()
                || pasteuriser(deviceCode).isPresent()) {
            return;
        }
        List<String> inService = pasteurisersInService();
        if (inService.isEmpty()) {
            throw new RuleViolation("pasteurization.run.deviceNotRegisteredNone", deviceCode.strip()).on("device");
        }
        throw new RuleViolation(
                        "pasteurization.run.deviceNotRegistered", deviceCode.strip(), String.join(", ", inService))
                .on("device");
    }

    /** The codes of the registered pasteurisers in service, for the run forms' suggestions. */
    public List<String> pasteurisersInService() {
        return equipment.list(EquipmentKind.PASTEURISER).stream()
                .filter(e -> e.status() == EquipmentStatus.IN_SERVICE)
                .map(EquipmentView::code)
                .toList();
    }

    /** The pasteuriser and what measures on it now (retired instruments left out). */
    List<Used> of(EquipmentView pasteuriser) {
        List<Used> used = new ArrayList<>();
        used.add(new Used(pasteuriser.id(), pasteuriser.code(), Role.PASTEURISER));
        for (EquipmentView child : equipment.children(pasteuriser.id())) {
            if (child.status() == EquipmentStatus.RETIRED) {
                continue;
            }
            switch (child.kind()) {
                case THERMOMETER, PROBE -> used.add(new Used(child.id(), child.code(), Role.PROBE));
                case DATA_LOGGER -> {
                    used.add(new Used(child.id(), child.code(), Role.LOGGER));
                    for (EquipmentView probe : equipment.children(child.id())) {
                        if (probe.status() != EquipmentStatus.RETIRED
                                && (probe.kind() == EquipmentKind.PROBE || probe.kind() == EquipmentKind.THERMOMETER)) {
                            used.add(new Used(probe.id(), probe.code(), Role.PROBE));
                        }
                    }
                }
                default -> {}
            }
        }
        return used;
    }

    /** Keeps the instruments with the run (once, at recording). */
    void keep(UUID runId, List<Used> used) {
        for (Used u : used) {
            jdbc.sql("""
                            insert into pasteurisation_run_instrument (run_id, equipment_id, code, role)
                            values (:run, :equipment, :code, :role) on conflict do nothing
                            """)
                    .param("run", runId)
                    .param("equipment", u.equipmentId())
                    .param("code", u.code())
                    .param("role", u.role().name())
                    .update();
        }
    }

    /** The instruments kept with a run; empty for a run on an unregistered device. */
    public List<Used> usedBy(UUID runId) {
        return jdbc.sql("""
                        select equipment_id, code, role from pasteurisation_run_instrument
                         where run_id = :run order by role, code
                        """)
                .param("run", runId)
                .query((rs, n) -> new Used(
                        rs.getObject("equipment_id", UUID.class),
                        rs.getString("code"),
                        Role.valueOf(rs.getString("role"))))
                .list();
    }

    /**
     * Each measuring instrument's calibration standing at the moment of the run, as the verdict's instrument rule
     * takes it: the probes, thermometers and loggers on the pasteuriser, or the pasteuriser itself when nothing else
     * measures on it.
     */
    public List<InstrumentCheck> checksAt(List<Used> used, Instant at) {
        // the pasteuriser's own display counts only when nothing else measures on it; out of service it never accepts
        boolean measuredByOthers = used.stream().anyMatch(u -> u.role() != Role.PASTEURISER);
        List<InstrumentCheck> checks = new ArrayList<>();
        for (Used u : used) {
            CalibrationStanding standing = equipment.standingAt(u.equipmentId(), at);
            if (u.role() == Role.PASTEURISER
                    && measuredByOthers
                    && standing.standing() != CalibrationStanding.Standing.NOT_IN_SERVICE) {
                continue;
            }
            checks.add(new InstrumentCheck(u.code(), standing.standing().name()));
        }
        return checks;
    }

    /**
     * The pasteuriser's heat-penetration study in force at the moment of the run, with the cycles run on it since;
     * empty when the profile requires none. A profile that requires one and a pasteuriser without any fails the rule.
     */
    public Optional<HeatPenetrationCheck> heatPenetrationAt(
            UUID pasteuriserId, Instant at, StandardProfile profile, UUID runId) {
        int every = profile.heatPenetrationEveryCycles();
        if (pasteuriserId == null || every <= 0) {
            return Optional.empty();
        }
        Optional<HeatPenetrationStudyView> study = equipment.heatPenetrationAt(pasteuriserId, at);
        if (study.isEmpty()) {
            return Optional.of(new HeatPenetrationCheck(false, null, null, 0, every));
        }
        HeatPenetrationStudyView s = study.get();
        Integer since = jdbc.sql("""
                        select count(*) from pasteurisation_run
                         where pasteuriser_id = :pasteuriser and started_at >= :from and started_at < :at
                           and id <> :run
                        """)
                .param("pasteuriser", pasteuriserId)
                .param("from", java.sql.Timestamp.from(s.studiedAt()))
                .param("at", java.sql.Timestamp.from(at))
                .param("run", runId)
                .query(Integer.class)
                .single();
        int redo = s.validForCycles() > 0 ? s.validForCycles() : every;
        return Optional.of(new HeatPenetrationCheck(s.validAt(at), s.maxBottles(), s.maxVolumeMl(), since, redo));
    }

    /** The registered pasteuriser a run was recorded on; null for an unregistered device. */
    public UUID pasteuriserOf(UUID runId) {
        return jdbc.sql("select pasteuriser_id from pasteurisation_run where id = :run")
                .param("run", runId)
                .query((rs, n) -> rs.getObject("pasteuriser_id", UUID.class))
                .optional()
                .orElse(null);
    }

    /**
     * At recording: when the device code names a registered pasteuriser, the run keeps it and its instruments. The run
     * must already be saved.
     */
    List<Used> attach(PasteurisationRun run, String deviceCode) {
        Optional<EquipmentView> pasteuriser = pasteuriser(deviceCode);
        if (pasteuriser.isEmpty()) {
            return List.of();
        }
        run.usePasteuriser(pasteuriser.get().id());
        List<Used> used = of(pasteuriser.get());
        keep(run.id(), used);
        return used;
    }

    /**
     * Why the instruments cannot accept a typed run: one out of calibration at the time of the run, or the
     * pasteuriser's heat-penetration study not valid for this load; empty when they can (or none is registered).
     */
    List<org.openmilkbank.shared.Said> refusals(PasteurisationRun run, List<Used> used, StandardProfile profile) {
        if (used.isEmpty()) {
            return List.of();
        }
        List<org.openmilkbank.shared.Said> refused = new ArrayList<>();
        var instruments =
                org.openmilkbank.pasteurization.curve.CurveJudge.instrumentsRule(checksAt(used, run.startedAt()));
        if (instruments.failed()) {
            refused.add(instruments.said());
        }
        var lines = run.bottleLines();
        var load =
                new org.openmilkbank.pasteurization.curve.Load(BottleLines.bottles(lines), BottleLines.totalMl(lines));
        var study = org.openmilkbank.pasteurization.curve.CurveJudge.heatPenetrationRule(
                heatPenetrationAt(run.pasteuriserId(), run.startedAt(), profile, run.id()), load);
        if (study.failed()) {
            refused.add(study.said());
        }
        return refused;
    }
}
