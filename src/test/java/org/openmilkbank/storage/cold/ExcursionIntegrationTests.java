package org.openmilkbank.storage.cold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.MilkGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A freezer warm for longer than the hold rule holds, through the safety gate, exactly the milk that was inside
 * during the excursion, each unit for the time it was inside; the manager releases one and discards the rest.
 */
@IntegrationTest
class ExcursionIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MilkGate gate;

    @Autowired
    Inventory inventory;

    @Autowired
    Excursions excursions;

    @Autowired
    Clock clock;

    @Autowired
    org.openmilkbank.traceability.Recalls recalls;

    String technician;
    String manager;
    UUID freezer;
    Instant now;

    @BeforeEach
    void aFreezer() {
        technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        manager = Staff.create(identity, Role.MANAGER);
        freezer = ColdChain.storageUnit(jdbc, "FREEZER");
        now = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void aWarmFreezerHoldsOnlyTheMilkInsideDuringTheWindowForTheTimeItWasInside() throws Exception {
        List<BottleView> bottles = ProcessingFixtures.releasedBottles(context, 5, 100);
        UUID inside = bottles.get(0).id();
        UUID outBefore = bottles.get(1).id();
        UUID inDuring = bottles.get(2).id();
        UUID outDuring = bottles.get(3).id();
        UUID inAfter = bottles.get(4).id();
        ColdChain.stay(jdbc, freezer, inside, ago(300), null);
        ColdChain.stay(jdbc, freezer, outBefore, ago(360), ago(240));
        ColdChain.stay(jdbc, freezer, inDuring, ago(120), null);
        ColdChain.stay(jdbc, freezer, outDuring, ago(300), ago(150));

        read(ago(180), "-10").andExpect(status().isCreated());
        read(ago(60), "-10").andExpect(status().isCreated());
        ColdChain.stay(jdbc, freezer, inAfter, ago(5), null);
        read(ago(10), "-20").andExpect(status().isCreated());

        ExcursionView e = excursions.ofUnit(freezer).get(0);
        assertThat(e.level()).isEqualTo(ExcursionLevel.HOLD);
        assertThat(e.startedAt()).isEqualTo(ago(180));
        assertThat(e.endedAt()).isEqualTo(ago(10));
        assertThat(e.peakC()).isEqualByComparingTo("-10");
        assertThat(e.minutesAbove()).isEqualTo(170);
        Map<UUID, ExcursionView.HeldUnit> held =
                e.units().stream().collect(Collectors.toMap(ExcursionView.HeldUnit::unitId, u -> u));
        assertThat(held.keySet()).containsExactlyInAnyOrder(inside, inDuring, outDuring);
        assertThat(held.get(inside).insideFrom()).isEqualTo(ago(180));
        assertThat(held.get(inside).insideTo()).isNull();
        assertThat(held.get(inDuring).insideFrom()).isEqualTo(ago(120));
        assertThat(held.get(outDuring).insideTo()).isEqualTo(ago(150));

        assertThat(gate.preview(inside, GateUse.DISPENSE).allowed()).isFalse();
        assertThat(gate.preview(inDuring, GateUse.DISPENSE).allowed()).isFalse();
        assertThat(gate.preview(outDuring, GateUse.DISPENSE).allowed()).isFalse();
        assertThat(gate.preview(outBefore, GateUse.DISPENSE).allowed()).isTrue();
        assertThat(gate.preview(inAfter, GateUse.DISPENSE).allowed()).isTrue();

        mvc.perform(post("/api/v1/storage/cold/excursions/" + e.id() + "/decisions")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitIds\":[\"" + inside + "\"],\"decision\":\"RELEASED\",\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/storage/cold/excursions/" + e.id() + "/decisions")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitIds\":[\"" + inside + "\"],\"decision\":\"RELEASED\","
                                + "\"reason\":\"probe by the door: the core stayed frozen\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/storage/cold/excursions/" + e.id() + "/decisions")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"DISCARDED\",\"reason\":\"near the compressor\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units.length()").value(3));

        assertThat(gate.preview(inside, GateUse.DISPENSE).allowed()).isTrue();
        assertThat(inventory.find(inDuring).orElseThrow().state()).isEqualTo(BottleState.DISCARDED);
        assertThat(inventory.find(outDuring).orElseThrow().state()).isEqualTo(BottleState.DISCARDED);
        assertThat(inventory.find(inside).orElseThrow().state()).isEqualTo(BottleState.RELEASED);
        assertThat(excursions.find(e.id()).undecided()).isZero();
    }

    @Test
    void anExcursionOpensAsARecallOfTheMilkThatWasInside() throws Exception {
        List<BottleView> bottles = ProcessingFixtures.releasedBottles(context, 2, 100);
        ColdChain.stay(jdbc, freezer, bottles.get(0).id(), ago(300), null);
        ColdChain.stay(jdbc, freezer, bottles.get(1).id(), ago(300), ago(240));
        read(ago(60), "-3").andExpect(status().isCreated());
        ExcursionView e = excursions.ofUnit(freezer).get(0);
        org.openmilkbank.traceability.RecallPreview preview =
                recalls.preview(org.openmilkbank.traceability.RecallSource.excursion(e.id()));
        assertThat(preview.units())
                .extracting(org.openmilkbank.traceability.RecallPreview.Unit::id)
                .contains(bottles.get(0).id())
                .doesNotContain(bottles.get(1).id());
        assertThat(preview.sourceLabel()).startsWith(ColdChain.code(jdbc, freezer));
    }

    @Test
    void milkIsNotDecidedWhileTheFreezerIsStillWarmAndThawedMilkIsNeverReleased() throws Exception {
        List<BottleView> bottles = ProcessingFixtures.releasedBottles(context, 1, 100);
        UUID bottle = bottles.get(0).id();
        ColdChain.stay(jdbc, freezer, bottle, ago(300), null);
        read(ago(30), "-4").andExpect(status().isCreated());
        ExcursionView e = excursions.ofUnit(freezer).get(0);
        assertThat(e.level()).isEqualTo(ExcursionLevel.DISCARD);
        assertThat(e.units())
                .singleElement()
                .satisfies(u -> assertThat(u.mustDiscard()).isTrue());
        decide(e.id(), "RELEASED").andExpect(status().isUnprocessableEntity());

        read(ago(20), "-19").andExpect(status().isCreated());
        decide(e.id(), "RELEASED").andExpect(status().isUnprocessableEntity());
        assertThat(gate.preview(bottle, GateUse.DISPENSE).allowed()).isFalse();
        assertThat(excursions.find(e.id()).undecided()).isEqualTo(1);
        decide(e.id(), "DISCARDED").andExpect(status().isOk());
        assertThat(inventory.find(bottle).orElseThrow().state()).isEqualTo(BottleState.DISCARDED);
    }

    @Test
    void aShortAlarmHoldsNothingAndStaysOnTheWorkListUntilSeen() throws Exception {
        read(ago(30), "-14").andExpect(status().isCreated());
        read(ago(20), "-19").andExpect(status().isCreated());
        ExcursionView e = excursions.ofUnit(freezer).get(0);
        assertThat(e.level()).isEqualTo(ExcursionLevel.ALARM);
        assertThat(e.units()).isEmpty();
        mvc.perform(get("/storage/cold/alerts").with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(ColdChain.code(jdbc, freezer))));
        mvc.perform(post("/api/v1/storage/cold/excursions/" + e.id() + "/acknowledge")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"door was left open\"}"))
                .andExpect(status().isOk());
        assertThat(excursions.needingAttention()).extracting(ExcursionView::id).doesNotContain(e.id());
    }

    @Test
    void aThermometersWarmMaximumAlarmsAndTheManagerRaisesItToAHoldOfTheMilkInside() throws Exception {
        List<BottleView> bottles = ProcessingFixtures.releasedBottles(context, 2, 100);
        UUID inside = bottles.get(0).id();
        UUID gone = bottles.get(1).id();
        ColdChain.stay(jdbc, freezer, inside, ago(900), null);
        ColdChain.stay(jdbc, freezer, gone, ago(900), ago(800));
        read(ago(720), "-20").andExpect(status().isCreated());
        // twelve hours later the thermometer's maximum says it was warm at some moment since: nobody knows how long
        mvc.perform(post("/api/v1/storage/cold/units/" + freezer + "/readings")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentC\":-19,\"maxC\":-8,\"readAt\":\"" + local(ago(5)) + "\"}"))
                .andExpect(status().isCreated());
        ExcursionView e = excursions.ofUnit(freezer).get(0);
        assertThat(e.level()).isEqualTo(ExcursionLevel.ALARM);
        assertThat(e.units()).isEmpty();

        raise(e.id(), "HOLD", "").andExpect(status().isBadRequest());
        // on the page, a rule no stricter is refused beside the form, in the manager's words, and changes nothing
        mvc.perform(post("/storage/cold/excursions/" + e.id() + "/raise")
                        .param("level", "ALARM")
                        .param("reason", "checked")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("already stands at Alarm")));
        raise(e.id(), "ALARM", "no stricter").andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/v1/storage/cold/excursions/" + e.id() + "/raise")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"HOLD\",\"reason\":\"not hers to raise\"}"))
                .andExpect(status().isForbidden());
        assertThat(gate.preview(inside, GateUse.DISPENSE).allowed()).isTrue();

        raise(e.id(), "HOLD", "maximum of -8 °C overnight, duration unknown")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("HOLD"))
                .andExpect(jsonPath("$.units.length()").value(1));
        assertThat(gate.preview(inside, GateUse.DISPENSE).allowed()).isFalse();
        assertThat(gate.preview(gone, GateUse.DISPENSE).allowed()).isTrue();
        raise(e.id(), "HOLD", "again").andExpect(status().isUnprocessableEntity());
        assertThat(excursions.history(e.id()))
                .anySatisfy(h -> assertThat(h.reason()).isEqualTo("maximum of -8 °C overnight, duration unknown"));

        // raised again to the discard rule: the milk inside can no longer be released
        raise(e.id(), "DISCARD", "milk found soft on the top shelf").andExpect(status().isOk());
        assertThat(excursions.find(e.id()).units())
                .singleElement()
                .satisfies(u -> assertThat(u.mustDiscard()).isTrue());
        decide(e.id(), "RELEASED").andExpect(status().isUnprocessableEntity());
    }

    org.springframework.test.web.servlet.ResultActions raise(UUID excursion, String level, String reason)
            throws Exception {
        return mvc.perform(post("/api/v1/storage/cold/excursions/" + excursion + "/raise")
                .with(httpBasic(manager, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"level\":\"" + level + "\",\"reason\":\"" + reason + "\"}"));
    }

    @Test
    void aReadingWithAMinimumWarmerThanItsCurrentIsRefusedAndNothingIsRecorded() throws Exception {
        mvc.perform(post("/api/v1/storage/cold/units/" + freezer + "/readings")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentC\":-20,\"minC\":-18}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/v1/storage/cold/units/" + freezer + "/readings")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentC\":-20,\"readAt\":\"" + local(now.plus(Duration.ofHours(2))) + "\"}"))
                .andExpect(status().isUnprocessableEntity());
        assertThat(count("storage_temperature_reading")).isZero();
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table + " where storage_unit_id = :su")
                .param("su", freezer)
                .query(Integer.class)
                .single();
    }

    org.springframework.test.web.servlet.ResultActions decide(UUID excursion, String decision) throws Exception {
        return mvc.perform(post("/api/v1/storage/cold/excursions/" + excursion + "/decisions")
                .with(httpBasic(manager, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"" + decision + "\",\"reason\":\"freezer failed overnight\"}"));
    }

    org.springframework.test.web.servlet.ResultActions read(Instant at, String celsius) throws Exception {
        return mvc.perform(post("/api/v1/storage/cold/units/" + freezer + "/readings")
                .with(httpBasic(technician, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"currentC\":" + celsius + ",\"readAt\":\"" + local(at) + "\"}"));
    }

    String local(Instant at) {
        return LocalDateTime.ofInstant(at, clock.getZone()).toString();
    }

    Instant ago(int minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }
}
