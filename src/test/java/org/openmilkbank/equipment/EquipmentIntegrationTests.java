package org.openmilkbank.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.equipment.CalibrationStanding.Standing;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The register, calibrations and studies on the real database: what a calibration that finds an instrument out of
 * tolerance publishes and does to its standing, a void, a repair of a pasteuriser, and the API refusing bad input
 * without writing anything.
 */
@IntegrationTest
@RecordApplicationEvents
class EquipmentIntegrationTests {

    @Autowired
    EquipmentManagement equipment;

    @Autowired
    Calibrations calibrations;

    @Autowired
    HeatPenetrationStudies studies;

    @Autowired
    Standards standards;

    @Autowired
    History history;

    @Autowired
    IdentityManagement identity;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    Instant now;
    String technician;
    String manager;

    @BeforeEach
    void staff() {
        now = clock.instant();
        technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        manager = Staff.create(identity, Role.MANAGER);
    }

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    EquipmentView register(EquipmentKind kind, String parentCode) {
        AtomicReference<EquipmentView> v = new AtomicReference<>();
        Staff.as(
                manager,
                Role.MANAGER,
                () -> v.set(equipment.register(new NewEquipment(
                        code(kind.name().substring(0, 3)),
                        kind,
                        "Instrument " + kind,
                        "Model X",
                        "SN-1",
                        "Lab",
                        parentCode,
                        null,
                        null,
                        daysAgo(120)))));
        return v.get();
    }

    CalibrationView calibrate(UUID id, int daysAgo, String found, String left) {
        AtomicReference<CalibrationView> v = new AtomicReference<>();
        Staff.as(
                technician,
                Role.LAB_TECHNICIAN,
                () -> v.set(calibrations.record(
                        id,
                        new NewCalibration(
                                daysAgo(daysAgo),
                                null,
                                "Reference thermometer RT-1",
                                "CERT-2026-07",
                                "National metrology institute",
                                LocalDate.now(clock).plusYears(1),
                                List.of(
                                        new TestPoint(
                                                new BigDecimal("4"),
                                                new BigDecimal("4.0"),
                                                new BigDecimal("4.1"),
                                                null),
                                        new TestPoint(
                                                new BigDecimal("62.5"),
                                                new BigDecimal("62.5"),
                                                new BigDecimal(found),
                                                left == null ? null : new BigDecimal(left))),
                                null))));
        return v.get();
    }

    @Test
    void aCalibrationThatFindsAProbeOutOfTolerancePublishesItAndMakesEveryMomentSinceTheLastGoodOneOutOfTolerance() {
        EquipmentView probe = register(EquipmentKind.PROBE, null);
        CalibrationView good = calibrate(probe.id(), 40, "62.6", null);
        assertThat(equipment.standingAt(probe.id(), daysAgo(20)).standing()).isEqualTo(Standing.GOOD);

        CalibrationView found = calibrate(probe.id(), 5, "61.7", "62.5");

        assertThat(found.outcome()).isEqualTo(CalibrationOutcome.FOUND_OUT_OF_TOLERANCE);
        assertThat(found.worstAsFoundErrorC()).isEqualByComparingTo("-0.8");
        InstrumentFoundOutOfTolerance event = events.stream(InstrumentFoundOutOfTolerance.class)
                .filter(e -> e.equipmentId().equals(probe.id()))
                .findFirst()
                .orElseThrow();
        assertThat(event.calibrationId()).isEqualTo(found.id());
        assertThat(event.code()).isEqualTo(probe.code());
        assertThat(event.lastGoodCalibrationAt()).isEqualTo(good.performedAt());
        assertThat(event.foundAt()).isEqualTo(found.performedAt());
        assertThat(event.worstAsFoundErrorC()).isEqualByComparingTo("-0.8");

        CalibrationStanding then = equipment.standingAt(probe.id(), daysAgo(20));
        assertThat(then.standing()).isEqualTo(Standing.OUT_OF_TOLERANCE);
        assertThat(then.calibrationId()).isEqualTo(good.id());
        assertThat(then.worstAsFoundErrorC()).isEqualByComparingTo("-0.8");
        // adjusted and within tolerance as left: good from that calibration on
        CalibrationStanding today = equipment.standingAt(probe.id(), now);
        assertThat(today.standing()).isEqualTo(Standing.GOOD);
        assertThat(today.dueOn())
                .isEqualTo(LocalDate.ofInstant(found.performedAt(), clock.getZone())
                        .plusDays(standards.activeProfile().calibrationIntervalDays()));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(history.of(EquipmentManagement.EQUIPMENT, probe.id()))
                .extracting(History.HistoryEntry::action)
                .contains("Registered", "Calibrated", "Found out of tolerance");
    }

    @Test
    void aVoidedCalibrationNoLongerCountsAndKeepsItsReason() {
        EquipmentView thermometer = register(EquipmentKind.THERMOMETER, null);
        CalibrationView c = calibrate(thermometer.id(), 3, "62.5", null);
        assertThat(equipment.standingAt(thermometer.id(), now).standing()).isEqualTo(Standing.GOOD);

        Staff.as(
                technician,
                Role.LAB_TECHNICIAN,
                () -> calibrations.voidCalibration(thermometer.id(), c.id(), "typed against the wrong thermometer"));

        assertThat(equipment.standingAt(thermometer.id(), now).standing()).isEqualTo(Standing.NEVER_CALIBRATED);
        CalibrationView voided = calibrations.of(thermometer.id()).get(0);
        assertThat(voided.voided()).isTrue();
        assertThat(voided.voidReason()).isEqualTo("typed against the wrong thermometer");
        assertThatThrownBy(() -> Staff.as(
                        technician,
                        Role.LAB_TECHNICIAN,
                        () -> calibrations.voidCalibration(thermometer.id(), c.id(), "again")))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void anInstrumentOutOfServiceWasNotInServiceFromThatMoment() {
        EquipmentView fridge = register(EquipmentKind.FRIDGE, null);
        calibrate(fridge.id(), 10, "62.5", null);
        Instant before = clock.instant();
        Staff.as(
                manager,
                Role.MANAGER,
                () -> equipment.changeStatus(fridge.id(), EquipmentStatus.OUT_OF_SERVICE, "compressor noisy"));
        assertThat(equipment.standingAt(fridge.id(), before.minusSeconds(60)).standing())
                .isEqualTo(Standing.GOOD);
        assertThat(equipment.standingAt(fridge.id(), clock.instant()).standing())
                .isEqualTo(Standing.NOT_IN_SERVICE);
        assertThat(equipment.workList(null).outOfService())
                .extracting(r -> r.equipment().id())
                .contains(fridge.id());
    }

    @Test
    void aRepairOfThePasteuriserInvalidatesItsStudyFromTheRepairOnAndADeviationOverTheLimitDoesToo() {
        EquipmentView pasteuriser = register(EquipmentKind.PASTEURISER, null);
        EquipmentView probe = register(EquipmentKind.PROBE, pasteuriser.code());
        assertThat(equipment.children(pasteuriser.id()))
                .extracting(EquipmentView::id)
                .containsExactly(probe.id());
        AtomicReference<HeatPenetrationStudyView> study = new AtomicReference<>();
        Staff.as(
                technician,
                Role.LAB_TECHNICIAN,
                () -> study.set(studies.record(
                        pasteuriser.id(), new NewHeatPenetrationStudy(daysAgo(10), 20, 200, 14, probe.code(), null))));
        assertThat(study.get().maxVolumeMl()).isEqualTo(4000);
        assertThat(study.get().coldPointProbeId()).isEqualTo(probe.id());

        Staff.as(
                technician,
                Role.LAB_TECHNICIAN,
                () -> equipment.recordRepair(pasteuriser.id(), daysAgo(2), "heating element replaced"));

        HeatPenetrationStudyView before =
                equipment.heatPenetrationAt(pasteuriser.id(), daysAgo(5)).orElseThrow();
        assertThat(before.validAt(daysAgo(5))).isTrue();
        HeatPenetrationStudyView after =
                equipment.heatPenetrationAt(pasteuriser.id(), now).orElseThrow();
        assertThat(after.validAt(now)).isFalse();
        assertThat(after.invalidationCause()).isEqualTo(InvalidationCause.REPAIR);
        assertThat(equipment.heatPenetrationAt(pasteuriser.id(), daysAgo(11))).isEmpty();

        AtomicReference<HeatPenetrationStudyView> second = new AtomicReference<>();
        Staff.as(technician, Role.LAB_TECHNICIAN, () -> {
            second.set(
                    studies.record(pasteuriser.id(), new NewHeatPenetrationStudy(daysAgo(1), 20, 200, 15, null, null)));
            studies.recordDeviation(pasteuriser.id(), second.get().id(), new BigDecimal("4"), "slightly slow");
        });
        assertThat(equipment
                        .heatPenetrationAt(pasteuriser.id(), now)
                        .orElseThrow()
                        .invalidatedAt())
                .isNull();
        int limit = standards.activeProfile().heatPenetrationMaxDeviationPercent();
        Staff.as(
                technician,
                Role.LAB_TECHNICIAN,
                () -> studies.recordDeviation(
                        pasteuriser.id(), second.get().id(), BigDecimal.valueOf(limit + 1), "cold point 20 % slower"));
        assertThat(equipment
                        .heatPenetrationAt(pasteuriser.id(), clock.instant().plusSeconds(1))
                        .orElseThrow()
                        .invalidationCause())
                .isEqualTo(InvalidationCause.DEVIATION);
    }

    @Test
    void aProbeCannotHangBelowAProbeNorAnInstrumentBelowItself() {
        EquipmentView logger = register(EquipmentKind.DATA_LOGGER, null);
        EquipmentView probe = register(EquipmentKind.PROBE, logger.code());
        assertThatThrownBy(() -> register(EquipmentKind.PROBE, probe.code()))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("equipment.parentKindNotAllowed");
        EquipmentView other = register(EquipmentKind.DATA_LOGGER, logger.code());
        assertThatThrownBy(() -> Staff.as(
                        manager,
                        Role.MANAGER,
                        () -> equipment.amend(
                                logger.id(),
                                new NewEquipment(
                                        logger.code(),
                                        logger.kind(),
                                        logger.name(),
                                        null,
                                        null,
                                        null,
                                        other.code(),
                                        null,
                                        null,
                                        null),
                                "attach")))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("equipment.parentLoop");
    }

    // API

    MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, String user, String body) {
        return request.with(httpBasic(user, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    JsonNode call(MockHttpServletRequestBuilder request, String user, String body, int status) throws Exception {
        String response = mvc.perform(api(request, user, body))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void theApiRegistersCalibratesAndAnswersTheStandingAtAMoment() throws Exception {
        String code = code("API");
        JsonNode created = call(
                post("/api/v1/equipment"),
                manager,
                "{\"code\":\"" + code.toLowerCase(Locale.ROOT)
                        + "\",\"kind\":\"THERMOMETER\",\"name\":\"Bath thermometer\","
                        + "\"inServiceFrom\":\"2020-01-01T08:00\"}",
                201);
        assertThat(created.get("code").asText()).isEqualTo(code);
        String id = created.get("id").asText();
        call(
                post("/api/v1/equipment/" + id + "/calibrations"),
                technician,
                "{\"referenceDescription\":\"RT-1\",\"certificateNumber\":\"C-1\",\"certificateIssuer\":\"NMI\","
                        + "\"certificateValidUntil\":\"" + LocalDate.now(clock).plusYears(1) + "\","
                        + "\"points\":[{\"nominalC\":62.5,\"referenceC\":62.5,\"asFoundC\":62.7}]}",
                201);
        assertThat(call(get("/api/v1/equipment/" + id + "/standing"), technician, "", 200)
                        .get("standing")
                        .asText())
                .isEqualTo("GOOD");
        assertThat(call(get("/api/v1/equipment/" + id + "/standing?at=2021-06-01T00:00:00Z"), technician, "", 200)
                        .get("standing")
                        .asText())
                .isEqualTo("NEVER_CALIBRATED");
        assertThat(call(get("/api/v1/equipment/by-code/" + code), manager, "", 200)
                        .get("id")
                        .asText())
                .isEqualTo(id);
        assertThat(call(get("/api/v1/equipment/" + id + "/calibrations"), manager, "", 200)
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void theApiRefusesBadInputWithAReasonAndWritesNothing() throws Exception {
        EquipmentView probe = register(EquipmentKind.PROBE, null);
        long equipmentBefore = count("equipment");
        long calibrationsBefore = count("calibration");
        long pointsBefore = count("calibration_point");

        JsonNode duplicate = call(
                post("/api/v1/equipment"),
                manager,
                "{\"code\":\"" + probe.code() + "\",\"kind\":\"PROBE\",\"name\":\"Second\"}",
                422);
        assertThat(duplicate.toString()).contains(probe.code());
        call(post("/api/v1/equipment"), manager, "{\"code\":\"has space\",\"kind\":\"PROBE\",\"name\":\"x\"}", 422);
        call(post("/api/v1/equipment"), manager, "{\"code\":\"X1\",\"kind\":\"KETTLE\",\"name\":\"x\"}", 400);
        // the second point lacks its reference reading: the whole calibration is refused
        call(
                post("/api/v1/equipment/" + probe.id() + "/calibrations"),
                technician,
                "{\"referenceDescription\":\"RT-1\",\"certificateNumber\":\"C-1\",\"certificateIssuer\":\"NMI\","
                        + "\"certificateValidUntil\":\"" + LocalDate.now(clock).plusYears(1) + "\","
                        + "\"points\":[{\"nominalC\":4,\"referenceC\":4,\"asFoundC\":4.1},"
                        + "{\"nominalC\":62.5,\"asFoundC\":62.7}]}",
                422);
        // a lapsed certificate proves nothing
        call(
                post("/api/v1/equipment/" + probe.id() + "/calibrations"),
                technician,
                "{\"referenceDescription\":\"RT-1\",\"certificateNumber\":\"C-1\",\"certificateIssuer\":\"NMI\","
                        + "\"certificateValidUntil\":\"2020-01-01\","
                        + "\"points\":[{\"nominalC\":62.5,\"referenceC\":62.5,\"asFoundC\":62.7}]}",
                422);
        call(post("/api/v1/equipment/" + UUID.randomUUID() + "/calibrations"), technician, "{}", 404);
        call(get("/api/v1/equipment/" + probe.id() + "/standing?at=yesterday"), technician, "", 400);

        assertThat(count("equipment")).isEqualTo(equipmentBefore);
        assertThat(count("calibration")).isEqualTo(calibrationsBefore);
        assertThat(count("calibration_point")).isEqualTo(pointsBefore);
    }
}
