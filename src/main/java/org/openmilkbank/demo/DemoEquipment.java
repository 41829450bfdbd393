package org.openmilkbank.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.equipment.Calibrations;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.HeatPenetrationStudies;
import org.openmilkbank.equipment.NewCalibration;
import org.openmilkbank.equipment.NewEquipment;
import org.openmilkbank.equipment.NewHeatPenetrationStudy;
import org.openmilkbank.equipment.TestPoint;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo bank's instruments: a pasteuriser with its control probe and data logger, a freezer, a fridge and the
 * reference thermometer they are calibrated against, each calibrated (the fridge due within days).
 */
@Component
class DemoEquipment {

    private final EquipmentManagement equipment;
    private final Calibrations calibrations;
    private final HeatPenetrationStudies studies;
    private final Standards standards;
    private final Clock clock;

    DemoEquipment(
            EquipmentManagement equipment,
            Calibrations calibrations,
            HeatPenetrationStudies studies,
            Standards standards,
            Clock clock) {
        this.equipment = equipment;
        this.calibrations = calibrations;
        this.studies = studies;
        this.standards = standards;
        this.clock = clock;
    }

    void build() {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(400));
        as("manager", Role.MANAGER, () -> {
            equipment.register(
                    instrument("REF-01", EquipmentKind.THERMOMETER, "Reference thermometer", "Lab", null, since));
            equipment.register(
                    instrument("PAST-01", EquipmentKind.PASTEURISER, "Holder pasteuriser", "Lab", null, since));
            equipment.register(
                    instrument("PRB-01", EquipmentKind.PROBE, "Control bottle probe", "Lab", "PAST-01", since));
            equipment.register(instrument(
                    "LOG-01", EquipmentKind.DATA_LOGGER, "Pasteuriser data logger", "Lab", "PAST-01", since));
            equipment.register(
                    instrument("PAST-02", EquipmentKind.PASTEURISER, "Holder pasteuriser", "Lab", null, since));
            equipment.register(
                    instrument("PRB-02", EquipmentKind.PROBE, "Control bottle probe", "Lab", "PAST-02", since));
            equipment.register(
                    instrument("FRZ-01", EquipmentKind.FREEZER, "Freezer, pasteurised milk", "Store", null, since));
            equipment.register(instrument("FRG-01", EquipmentKind.FRIDGE, "Fridge, thawing", "Store", null, since));
        });
        int interval = standards.activeProfile().calibrationIntervalDays();
        Instant recent = now.minus(Duration.ofDays(Math.min(10, interval / 2)));
        // the fridge's calibration falls due within days: it heads the work list
        Instant dueSoon = now.minus(Duration.ofDays(Math.max(0, interval - 5)));
        as("labtech", Role.LAB_TECHNICIAN, () -> {
            // the pasteurisers and what measures on them have been in calibration all through the demo's weeks of runs:
            // calibrated again before each calibration fell due
            long step = Math.max(1, interval * 2L / 3);
            for (Instant at = now.minus(Duration.ofDays(60));
                    at.isBefore(recent);
                    at = at.plus(Duration.ofDays(step))) {
                for (String code : List.of("REF-01", "PAST-01", "PRB-01", "LOG-01", "PAST-02", "PRB-02")) {
                    calibrate(
                            code,
                            at,
                            "REF-01".equals(code) ? null : "REF-01",
                            "REF-01".equals(code) ? "Certified reference standard" : null,
                            "62.50");
                }
            }
            calibrate("REF-01", recent, null, "Certified reference standard", "62.50");
            calibrate("PAST-01", recent, "REF-01", null, "62.60");
            calibrate("PRB-01", recent, "REF-01", null, "62.40");
            calibrate("LOG-01", recent, "REF-01", null, "62.55");
            calibrate("PAST-02", recent, "REF-01", null, "62.55");
            // PAST-02's probe is not calibrated again until this morning, when it is found reading high
            calibrate("FRZ-01", recent, "REF-01", null, "62.45");
            calibrate("FRG-01", dueSoon, "REF-01", null, "62.65");
            Instant studied = now.minus(Duration.ofDays(60));
            studies.record(
                    equipment.findByCode("PAST-01").orElseThrow().id(),
                    new NewHeatPenetrationStudy(studied, 24, 200, 14, "PRB-01", "Cold point at a third of the column"));
            studies.record(
                    equipment.findByCode("PAST-02").orElseThrow().id(),
                    new NewHeatPenetrationStudy(studied, 24, 200, 14, "PRB-02", "Cold point at a third of the column"));
        });
    }

    /**
     * After the demo's runs: this morning's calibration of PAST-02's control probe found it reading 0.7 °C high, and
     * it was adjusted. Every run it measured since its last good calibration is judged again with that error taken
     * off; those that no longer reach the hold temperature are held, ready for the manager's recall.
     */
    void findProbeOutOfTolerance() {
        Instant thisMorning = clock.instant().minus(Duration.ofHours(1));
        as("labtech", Role.LAB_TECHNICIAN, () -> {
            UUID id = equipment.findByCode("PRB-02").orElseThrow().id();
            calibrations.record(
                    id,
                    new NewCalibration(
                            thisMorning,
                            "REF-01",
                            null,
                            "NMI-2026-0142",
                            "National metrology institute",
                            LocalDate.now(clock).plusYears(1),
                            List.of(
                                    new TestPoint(
                                            new BigDecimal("4"), new BigDecimal("4.0"), new BigDecimal("4.1"), null),
                                    new TestPoint(
                                            new BigDecimal("62.5"),
                                            new BigDecimal("62.5"),
                                            new BigDecimal("63.2"),
                                            new BigDecimal("62.5"))),
                            "Read high at the holding temperature; adjusted"));
        });
    }

    private static NewEquipment instrument(
            String code, EquipmentKind kind, String name, String location, String parent, Instant since) {
        return new NewEquipment(code, kind, name, null, "SN-" + code, location, parent, null, null, since);
    }

    private void calibrate(String code, Instant at, String reference, String referenceWords, String asFound) {
        UUID id = equipment.findByCode(code).orElseThrow().id();
        calibrations.record(
                id,
                new NewCalibration(
                        at,
                        reference,
                        referenceWords,
                        "NMI-2026-0142",
                        "National metrology institute",
                        LocalDate.now(clock).plusYears(1),
                        List.of(
                                new TestPoint(new BigDecimal("4"), new BigDecimal("4.0"), new BigDecimal("4.1"), null),
                                new TestPoint(
                                        new BigDecimal("62.5"), new BigDecimal("62.5"), new BigDecimal(asFound), null)),
                        null));
    }

    private static void as(String username, Role role, Runnable action) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, Set.of(new SimpleGrantedAuthority(role.authority()))));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
