package org.openmilkbank.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.openmilkbank.equipment.Calibrations;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.EquipmentView;
import org.openmilkbank.equipment.HeatPenetrationStudies;
import org.openmilkbank.equipment.NewCalibration;
import org.openmilkbank.equipment.NewEquipment;
import org.openmilkbank.equipment.NewHeatPenetrationStudy;
import org.openmilkbank.equipment.TestPoint;
import org.openmilkbank.shared.Role;
import org.springframework.context.ApplicationContext;

/** A pasteuriser with its probe, each with a page full of records, through the equipment module's own API. */
public final class EquipmentFixtures {

    private EquipmentFixtures() {}

    /** A pasteuriser calibrated (found out of tolerance and adjusted), studied and repaired; returns its id. */
    public static UUID recordedPasteuriser(ApplicationContext context) {
        EquipmentManagement equipment = context.getBean(EquipmentManagement.class);
        Calibrations calibrations = context.getBean(Calibrations.class);
        HeatPenetrationStudies studies = context.getBean(HeatPenetrationStudies.class);
        Clock clock = context.getBean(Clock.class);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        AtomicReference<EquipmentView> pasteuriser = new AtomicReference<>();
        Staff.as("equipment-manager", Role.MANAGER, () -> {
            pasteuriser.set(equipment.register(new NewEquipment(
                    "PAST-" + suffix,
                    EquipmentKind.PASTEURISER,
                    "Holder pasteuriser",
                    "HP-20",
                    "SN-1200",
                    "A-12",
                    null,
                    null,
                    null,
                    clock.instant().minus(Duration.ofDays(90)))));
            equipment.register(new NewEquipment(
                    "PB-" + suffix,
                    EquipmentKind.PROBE,
                    "PT-100",
                    null,
                    null,
                    null,
                    "PAST-" + suffix,
                    new BigDecimal("0.3"),
                    180,
                    clock.instant().minus(Duration.ofDays(90))));
        });
        UUID id = pasteuriser.get().id();
        Staff.as("equipment-technician", Role.LAB_TECHNICIAN, () -> {
            calibrations.record(
                    id,
                    new NewCalibration(
                            clock.instant().minus(Duration.ofDays(60)),
                            null,
                            "Reference thermometer RT-1",
                            "CERT-2400",
                            "National metrology institute",
                            LocalDate.now(clock).plusYears(1),
                            List.of(new TestPoint(
                                    new BigDecimal("62.5"), new BigDecimal("62.5"), new BigDecimal("62.6"), null)),
                            null));
            calibrations.record(
                    id,
                    new NewCalibration(
                            clock.instant().minus(Duration.ofDays(2)),
                            null,
                            "Reference thermometer RT-1",
                            "CERT-2400",
                            "National metrology institute",
                            LocalDate.now(clock).plusYears(1),
                            List.of(
                                    new TestPoint(
                                            new BigDecimal("4"), new BigDecimal("4.1"), new BigDecimal("4.2"), null),
                                    new TestPoint(
                                            new BigDecimal("62.5"),
                                            new BigDecimal("62.5"),
                                            new BigDecimal("61.6"),
                                            new BigDecimal("62.4"))),
                            "Drift found at the holding temperature"));
            studies.record(
                    id,
                    new NewHeatPenetrationStudy(
                            clock.instant().minus(Duration.ofDays(30)), 24, 1200, 14, "PB-" + suffix, null));
            equipment.recordRepair(id, clock.instant().minus(Duration.ofDays(1)), "Thermostat replaced");
        });
        return id;
    }
}
