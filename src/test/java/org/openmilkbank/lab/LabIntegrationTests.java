package org.openmilkbank.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.ProcessingFixtures.Technicians;
import org.openmilkbank.support.Staff;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.MilkGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The lab's cultures through its API and pages, and their verdicts reaching pools, runs and bottles. */
@IntegrationTest
class LabIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Standards standards;

    @Autowired
    LabManagement lab;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    PoolManagement pools;

    @Autowired
    Inventory inventory;

    @Autowired
    MilkGate gate;

    @Autowired
    Holds holds;

    @Autowired
    History history;

    @AfterEach
    void backToHmbana() {
        if (!standards.activeProfile().code().equals("HMBANA")) {
            Staff.asSystem(() -> standards.activate("HMBANA", "test done"));
        }
    }

    ResultActions postJson(String url, String who, String body) throws Exception {
        return mvc.perform(post(url)
                .with(httpBasic(who, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    String takeSample(String tech, String unitCode, String purpose, Instant takenAt) throws Exception {
        return JsonPath.read(
                postJson(
                                "/api/v1/lab/samples",
                                tech,
                                "{\"unitCode\":\"%s\",\"purpose\":\"%s\",\"medium\":\"BLOOD_AGAR\"%s}"
                                        .formatted(
                                                unitCode,
                                                purpose,
                                                takenAt == null ? "" : ",\"takenAt\":\"" + takenAt + "\""))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.procedure")
                                .value(purpose.equals("PRE_CULTURE") ? "pre-culture" : "post-culture"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    static String counts(String... organismAndCount) {
        StringBuilder json = new StringBuilder("{\"counts\":[");
        for (int i = 0; i < organismAndCount.length; i += 2) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"organism\":\"%s\",\"cfuPerMl\":%s}"
                            .formatted(organismAndCount[i], organismAndCount[i + 1]));
        }
        return json.append("]}").toString();
    }

    @Test
    void refusesANegativePostCultureReadOneMinuteAfterTheRunEnded() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.quarantinedRun(context, techs, 2, 100);
        String sample = takeSample(techs.recorder(), runs.runCode(run.id()), "POST_CULTURE", run.endedAt());
        postJson(
                        "/api/v1/lab/samples/" + sample + "/reads",
                        techs.recorder(),
                        counts("TOTAL_VIABLE_COUNT", "0")
                                .replace("]}", "],\"readAt\":\"" + run.endedAt().plusSeconds(60) + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.culture.read.tooEarly"));
        // nor now, an hour after: nothing changed, the run and its bottles stay held
        postJson("/api/v1/lab/samples/" + sample + "/reads", techs.recorder(), counts("TOTAL_VIABLE_COUNT", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.culture.read.tooEarly"));
        assertThat(runs.find(run.id()).orElseThrow().state()).isEqualTo(RunState.QUARANTINE);
        assertThat(holds.activeOn(run.id())).isNotEmpty();
        mvc.perform(get("/api/v1/lab/samples/" + sample).with(httpBasic(techs.recorder(), Staff.PASSWORD)))
                .andExpect(jsonPath("$.verdict").doesNotExist())
                .andExpect(jsonPath("$.reads").isEmpty());
    }

    @Test
    void refusesASampleTakenBeforeTheRunEnded() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.quarantinedRun(context, techs, 1, 100);
        postJson(
                        "/api/v1/lab/samples",
                        techs.recorder(),
                        "{\"unitCode\":\"%s\",\"purpose\":\"POST_CULTURE\",\"takenAt\":\"%s\"}"
                                .formatted(
                                        runs.runCode(run.id()), run.startedAt().minus(Duration.ofDays(1))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.culture.sample.timeImpossible"));
    }

    @Test
    void aPositivePostCultureDiscardsEveryBottleOfTheRunAndTheGateRefusesThem() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.quarantinedRun(context, techs, 3, 100);
        String sample = takeSample(techs.recorder(), runs.runCode(run.id()), "POST_CULTURE", run.endedAt());
        // growth seen at the first read fails at once: HMBANA, any growth
        postJson(
                        "/api/v1/lab/samples/" + sample + "/reads",
                        techs.recorder(),
                        counts("TOTAL_VIABLE_COUNT", "0", "BACILLUS_CEREUS", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("FAIL"))
                .andExpect(jsonPath("$.verdictCodes[0].key").value("lab.culture.failure"));
        RunView discarded = runs.find(run.id()).orElseThrow();
        assertThat(discarded.state()).isEqualTo(RunState.DISCARDED);
        assertThat(discarded.postCultureOutcome()).isEqualTo("POSITIVE");
        List<BottleView> bottles = inventory.bottlesOfRun(run.id());
        assertThat(bottles).hasSize(3).extracting(BottleView::state).containsOnly(BottleState.DISCARDED);
        // none is offered to dispense
        assertThat(inventory.dispensable(java.time.LocalDate.now()))
                .extracting(BottleView::runId)
                .doesNotContain(run.id());
        postJson(
                        "/api/v1/runs/" + run.id() + "/release",
                        techs.releaser(),
                        "{\"signaturePassword\":\"" + Staff.PASSWORD + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pasteurization.release.culturePositive"));
    }

    @Test
    void aPositivePreCultureDiscardsThePoolAndEndsItsHoldAsDiscarded() throws Exception {
        Staff.asSystem(() -> standards.activate("NICE", "NICE culture limits"));
        String tech =
                Staff.create(context.getBean(org.openmilkbank.identity.IdentityManagement.class), Role.LAB_TECHNICIAN);
        var donation = ProcessingFixtures.receivedDonation(context, 3, 200);
        PoolView[] made = new PoolView[1];
        Staff.as(
                tech,
                Role.LAB_TECHNICIAN,
                () -> made[0] = pools.createPool(
                        donation.containers().stream().map(c -> c.id()).toList(),
                        org.openmilkbank.support.DonorFixtures.POOLED_AGO.apply(Instant.now())));
        PoolView pool = made[0];
        assertThat(pool.state()).isEqualTo(PoolState.AWAITING_PRE_CULTURE);
        // the work list names the pool as due for a sample
        mvc.perform(get("/api/v1/lab/work-list").with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(
                        jsonPath("$.due[*].unitId", Matchers.hasItem(pool.id().toString())));
        String sample = takeSample(tech, pool.dinWithCheck(), "PRE_CULTURE", null);
        mvc.perform(get("/api/v1/lab/work-list").with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(jsonPath(
                        "$.due[*].unitId",
                        Matchers.not(Matchers.hasItem(pool.id().toString()))))
                .andExpect(jsonPath("$.incubating[*].sample.id", Matchers.hasItem(sample)));
        postJson(
                        "/api/v1/lab/samples/" + sample + "/reads",
                        tech,
                        counts("TOTAL_VIABLE_COUNT", "250000", "ENTEROBACTERIACEAE", "10", "STAPH_AUREUS", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("FAIL"));
        PoolView discarded = pools.find(pool.id()).orElseThrow();
        assertThat(discarded.state()).isEqualTo(PoolState.DISCARDED);
        assertThat(discarded.discardReasonText()).contains("250,000");
        assertThat(holds.activeOn(pool.id())).isEmpty();
        // and it cannot be pasteurised
        postJson(
                        "/api/v1/runs",
                        tech,
                        ("{\"poolId\":\"%s\",\"device\":\"P1\",\"startedAt\":\"%s\",\"endedAt\":\"%s\","
                                        + "\"holdTemperatureC\":62.5,\"holdMinutes\":30,\"bottleCount\":1,"
                                        + "\"bottleVolumeMl\":100}")
                                .formatted(
                                        pool.id(),
                                        Instant.now().minus(Duration.ofMinutes(100)),
                                        Instant.now().minus(Duration.ofMinutes(10))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pasteurization.run.poolNotReady"));
    }

    @Test
    void anAmendmentKeepsTheReadItCorrectsAndItsReasonInTheHistory() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.cultureNegativeRun(context, techs, 1, 100);
        String sample = run.postCultureSampleId().toString();
        postJson("/api/v1/lab/samples/" + sample + "/reads", techs.recorder(), counts("TOTAL_VIABLE_COUNT", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.culture.alreadyJudged"));
        postJson(
                        "/api/v1/lab/samples/" + sample + "/amendments",
                        techs.releaser(),
                        "{\"counts\":[{\"organism\":\"BACILLUS_CEREUS\",\"cfuPerMl\":3}],\"reason\":\"misread plate\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.culture.amend.verdictWouldTurn"));
        postJson(
                        "/api/v1/lab/samples/" + sample + "/amendments",
                        techs.releaser(),
                        "{\"counts\":[{\"organism\":\"TOTAL_VIABLE_COUNT\",\"cfuPerMl\":0},"
                                + "{\"organism\":\"COLIFORMS\",\"cfuPerMl\":0}],\"reason\":\"coliform plate added\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reads.length()").value(2))
                .andExpect(jsonPath("$.reads[0].superseded").value(true))
                .andExpect(jsonPath("$.reads[1].amendReason").value("coliform plate added"));
        assertThat(history.of("LabSample", UUID.fromString(sample))).anySatisfy(h -> {
            assertThat(h.reason()).isEqualTo("coliform plate added");
            assertThat(h.actor()).isEqualTo(techs.releaser());
        });
        mvc.perform(get("/lab/samples/" + sample).with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("coliform plate added")))
                .andExpect(content().string(Matchers.containsString("data-testid=\"lab-amend-form\"")));
        assertThat(runs.find(run.id()).orElseThrow().state()).isEqualTo(RunState.CULTURE_NEGATIVE);
    }

    @Test
    void theLabHomeTakesAScannedRunToItsSampleFormAndAnUnknownCodeIsRefusedBesideTheInput() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.quarantinedRun(context, techs, 1, 100);
        var tech = user(techs.recorder()).roles("LAB_TECHNICIAN");
        mvc.perform(get("/lab").with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(runs.runCode(run.id()))));
        mvc.perform(
                        post("/lab/scan")
                                .param("code", runs.runCode(run.id()))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .with(tech))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern(
                        "/lab/samples/new?*"));
        mvc.perform(
                        post("/lab/scan")
                                .param("code", "NOTHING-KNOWN")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .with(tech))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("data-testid=\"error-code\"")));
    }

    @Test
    void aSampleRecordsItsIncubationTemperatureTypedOrTheProfilesAndRefusesOneOutsideTheTolerance() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.quarantinedRun(context, techs, 1, 100);
        String code = runs.runCode(run.id());
        postJson(
                        "/api/v1/lab/samples",
                        techs.recorder(),
                        "{\"unitCode\":\"%s\",\"purpose\":\"POST_CULTURE\",\"incubationTemperatureC\":39}"
                                .formatted(code))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.culture.sample.temperatureOutOfRange"));
        assertThat(lab.samplesOf(run.id())).isEmpty();

        var tech = user(techs.recorder()).roles("LAB_TECHNICIAN");
        mvc.perform(
                        post("/lab/samples")
                                .param("unitCode", code)
                                .param("purpose", "POST_CULTURE")
                                .param("incubationTemperatureC", "30")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .with(tech))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("data-testid=\"error-incubationTemperatureC\"")));
        assertThat(lab.samplesOf(run.id())).isEmpty();

        String typed = JsonPath.read(
                postJson(
                                "/api/v1/lab/samples",
                                techs.recorder(),
                                "{\"unitCode\":\"%s\",\"purpose\":\"POST_CULTURE\",\"incubationTemperatureC\":36.5}"
                                        .formatted(code))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.incubationTemperatureC").value(36.5))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(get("/lab/samples/" + typed).with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("36.5 °C")));
        String defaulted = takeSample(techs.recorder(), code, "POST_CULTURE", null);
        mvc.perform(get("/api/v1/lab/samples/" + defaulted).with(httpBasic(techs.recorder(), Staff.PASSWORD)))
                .andExpect(jsonPath("$.incubationTemperatureC").value(36.0));
    }
}
