package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.equipment.CalibrationOutcome;
import org.openmilkbank.equipment.CalibrationView;
import org.openmilkbank.equipment.Calibrations;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.NewCalibration;
import org.openmilkbank.equipment.NewEquipment;
import org.openmilkbank.equipment.TestPoint;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.HoldView;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.RecallPreview;
import org.openmilkbank.traceability.RecallSource;
import org.openmilkbank.traceability.Recalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One faulty thermometer, end to end: a probe calibrated good, two runs released on its pasteuriser (one typed at
 * 62.8 °C, one at 64.0 °C), one bottle of the first fed to an infant; then a calibration finds the probe reading
 * 0.8 °C high. The first run, judged again at 62.0 °C, no longer passes: its bottles are held at once, and the recall
 * from that calibration names its bottles and the infant fed, and leaves the second run alone.
 */
@IntegrationTest
class CalibrationImpactIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    EquipmentManagement equipment;

    @Autowired
    Calibrations calibrations;

    @Autowired
    Recalls recalls;

    @Autowired
    Holds holds;

    @Autowired
    IdentityManagement identity;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void aProbeFoundReadingHighHoldsAndRecallsTheRunsThatNoLongerPassWithTheInfantsFed() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String pasteuriser = "PAST-" + suffix;
        String probe = "PB-" + suffix;
        AtomicReference<UUID> probeId = new AtomicReference<>();
        Staff.as("equipment-manager", Role.MANAGER, () -> {
            equipment.register(new NewEquipment(
                    pasteuriser,
                    EquipmentKind.PASTEURISER,
                    "Holder pasteuriser",
                    "HP-20",
                    "SN-" + suffix,
                    "Lab",
                    null,
                    null,
                    null,
                    clock.instant().minus(Duration.ofDays(90))));
            probeId.set(equipment
                    .register(new NewEquipment(
                            probe,
                            EquipmentKind.PROBE,
                            "PT-100",
                            null,
                            null,
                            null,
                            pasteuriser,
                            new BigDecimal("0.5"),
                            180,
                            clock.instant().minus(Duration.ofDays(90))))
                    .id());
        });
        // good 30 days ago: 62.5 read 62.6
        calibrate(probeId.get(), 30, "62.6", null);

        DispensingFixtures f = new DispensingFixtures(context);
        f.on(pasteuriser, new BigDecimal("62.8"));
        DispensingFixtures.Batch lowRun = f.released(f.containers(3, f.eligibleDonor()), 3);
        f.on(pasteuriser, new BigDecimal("64.0"));
        DispensingFixtures.Batch highRun = f.released(f.containers(3, f.eligibleDonor()), 2);
        f.on("PAST-1", new BigDecimal("62.5"));
        DispensingFixtures.Batch otherPasteuriser = f.released(f.containers(3, f.eligibleDonor()), 2);
        InfantView infant = f.infantWithConsent();
        BottleView fed = lowRun.bottles().get(0);
        f.dispense(infant, fed);
        assertThat(lowRun.run().passed()).isTrue();

        // today: 62.5 reads 63.3, the probe read 0.8 °C high; adjusted back to 62.5
        CalibrationView found = calibrate(probeId.get(), 0, "63.3", "62.5");
        assertThat(found.outcome()).isEqualTo(CalibrationOutcome.FOUND_OUT_OF_TOLERANCE);

        for (BottleView b : lowRun.bottles().subList(1, 3)) {
            assertThat(holds.activeOn(b.id()))
                    .as("the low run's bottles are held at once")
                    .extracting(HoldView::kind)
                    .contains(HoldKind.CALIBRATION);
        }
        for (BottleView b : highRun.bottles()) {
            assertThat(holds.activeOn(b.id())).extracting(HoldView::kind).doesNotContain(HoldKind.CALIBRATION);
        }

        String manager = Staff.create(identity, Role.MANAGER);
        String page = mvc.perform(
                        get("/runs/calibration-impacts/" + found.id()).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // a held bottle's page and the fed infant's page name the probe in the hold's reason, no placeholder left
        String bottlePage = mvc.perform(
                        get("/bottles/" + lowRun.bottles().get(1).din()).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bottlePage).contains("measured by " + probe).doesNotContain("{1}");
        String infantPage = mvc.perform(get("/infants/" + infant.id()).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(infantPage).doesNotContain("{1}");
        assertThat(page)
                .contains(probe)
                .contains("1 of the 2 runs no longer pass")
                .contains("/recalls/preview?source=CALIBRATION&amp;code=" + found.id());
        mvc.perform(get("/api/v1/runs/calibration-impacts/" + found.id()).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runs.length()").value(2))
                .andExpect(jsonPath("$.runs[0].runId").value(lowRun.run().id().toString()))
                .andExpect(jsonPath("$.runs[0].stillPasses").value(false))
                .andExpect(jsonPath("$.runs[1].stillPasses").value(true));

        RecallPreview[] preview = new RecallPreview[1];
        Staff.as(manager, Role.MANAGER, () -> preview[0] = recalls.preview(RecallSource.calibration(found.id())));
        assertThat(preview[0].units())
                .extracting(RecallPreview.Unit::id)
                .containsAll(lowRun.bottles().stream().map(BottleView::id).toList())
                .doesNotContainAnyElementsOf(
                        highRun.bottles().stream().map(BottleView::id).toList())
                .doesNotContainAnyElementsOf(
                        otherPasteuriser.bottles().stream().map(BottleView::id).toList());
        assertThat(preview[0].infants())
                .extracting(RecallPreview.Infant::infantCode)
                .containsExactly(infant.infantCode());
    }

    @Test
    void aRunOnAPasteuriserWhoseProbeIsOverdueFailsAndSaysWhy() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String pasteuriser = "PAST-" + suffix;
        AtomicReference<UUID> probeId = new AtomicReference<>();
        Staff.as("equipment-manager", Role.MANAGER, () -> {
            equipment.register(new NewEquipment(
                    pasteuriser,
                    EquipmentKind.PASTEURISER,
                    "Holder pasteuriser",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    clock.instant().minus(Duration.ofDays(400))));
            probeId.set(equipment
                    .register(new NewEquipment(
                            "PB-" + suffix,
                            EquipmentKind.PROBE,
                            "PT-100",
                            null,
                            null,
                            null,
                            pasteuriser,
                            new BigDecimal("0.5"),
                            30,
                            clock.instant().minus(Duration.ofDays(400))))
                    .id());
        });
        // calibrated 60 days ago with a 30-day interval: overdue at the time of the run
        calibrate(probeId.get(), 60, "62.6", null);
        DispensingFixtures f = new DispensingFixtures(context).on(pasteuriser, new BigDecimal("63.0"));
        DispensingFixtures.Batch batch = f.quarantined(f.containers(3, f.eligibleDonor()), 2);

        assertThat(batch.run().passed()).isFalse();
        assertThat(batch.run().failureReasonText()).contains("PB-" + suffix).contains("overdue");
        assertThat(batch.bottles()).isEmpty();
    }

    @Test
    void aCalibrationNoPassedRunReliedOnSaysSoInsteadOfAMissingPage() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        UUID none = UUID.randomUUID();
        String page = mvc.perform(get("/runs/calibration-impacts/" + none).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("No passed run is affected").doesNotContain(none.toString());
        mvc.perform(get("/api/v1/runs/calibration-impacts/" + none).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    private CalibrationView calibrate(UUID id, int daysAgo, String asFound, String asLeft) {
        AtomicReference<CalibrationView> made = new AtomicReference<>();
        Staff.as(
                "equipment-technician",
                Role.LAB_TECHNICIAN,
                () -> made.set(calibrations.record(
                        id,
                        new NewCalibration(
                                clock.instant().minus(Duration.ofDays(daysAgo)).minus(Duration.ofMinutes(1)),
                                null,
                                "Reference thermometer RT-1",
                                "CERT-2400",
                                "National metrology institute",
                                LocalDate.now(clock).plusYears(1),
                                List.of(new TestPoint(
                                        new BigDecimal("62.5"),
                                        new BigDecimal("62.5"),
                                        new BigDecimal(asFound),
                                        asLeft == null ? null : new BigDecimal(asLeft))),
                                null))));
        return made.get();
    }
}
