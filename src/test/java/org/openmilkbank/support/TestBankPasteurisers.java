package org.openmilkbank.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.openmilkbank.equipment.Calibrations;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.EquipmentView;
import org.openmilkbank.equipment.NewCalibration;
import org.openmilkbank.equipment.NewEquipment;
import org.openmilkbank.equipment.TestPoint;
import org.openmilkbank.shared.Role;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The test bank's two pasteurisers, {@value #FIRST} and {@value #SECOND}, registered and calibrated in every
 * application context a test uses: a run must name a registered pasteuriser
 * ({@code pasteurization.registered-pasteuriser-required}), and the fixtures and browser tests record their runs on
 * these. Both have been in service, and in calibration, for years either side of the test's clock.
 */
public class TestBankPasteurisers implements TestExecutionListener {

    public static final String FIRST = "PAST-1";
    public static final String SECOND = "PAST-2";

    @Override
    public void prepareTestInstance(TestContext context) {
        prepare(context.getApplicationContext());
    }

    /** Registers the pasteurisers in an application started without the test framework ({@link Installations}). */
    static void prepare(org.springframework.context.ApplicationContext application) {
        var equipment = application.getBeanProvider(EquipmentManagement.class).getIfAvailable();
        // the demo bank registers its own instruments
        if (equipment == null || "true".equals(application.getEnvironment().getProperty("openmilkbank.demo.enabled"))) {
            return;
        }
        Calibrations calibrations = application.getBean(Calibrations.class);
        Clock clock = application.getBean(Clock.class);
        synchronized (TestBankPasteurisers.class) {
            ensure(equipment, calibrations, clock, FIRST);
            ensure(equipment, calibrations, clock, SECOND);
        }
    }

    private static void ensure(EquipmentManagement equipment, Calibrations calibrations, Clock clock, String code) {
        if (equipment.findByCode(code).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        var registered = new AtomicReference<EquipmentView>();
        Staff.as(
                "test-bank-manager",
                Role.MANAGER,
                () -> registered.set(equipment.register(new NewEquipment(
                        code,
                        EquipmentKind.PASTEURISER,
                        "Holder pasteuriser",
                        "HP-20",
                        "SN-" + code,
                        "Lab",
                        null,
                        null,
                        1830,
                        now.minus(Duration.ofDays(1500))))));
        // two good calibrations, five years apart at most: in calibration from 1,499 days ago to years ahead
        for (long daysAgo : new long[] {1499, 400}) {
            Staff.as(
                    "test-bank-technician",
                    Role.LAB_TECHNICIAN,
                    () -> calibrations.record(
                            registered.get().id(),
                            new NewCalibration(
                                    now.minus(Duration.ofDays(daysAgo)),
                                    null,
                                    "Certified reference thermometer",
                                    "CERT-TEST",
                                    "National metrology institute",
                                    LocalDate.now(clock).plusYears(5),
                                    List.of(new TestPoint(
                                            new BigDecimal("62.5"),
                                            new BigDecimal("62.5"),
                                            new BigDecimal("62.5"),
                                            null)),
                                    null)));
        }
    }
}
