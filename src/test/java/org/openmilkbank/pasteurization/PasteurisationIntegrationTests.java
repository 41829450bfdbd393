package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.ProcessingFixtures.Technicians;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class PasteurisationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Standards standards;

    @Autowired
    PoolManagement pools;

    @Autowired
    Inventory inventory;

    @Autowired
    PasteurisationManagement runs;

    @AfterEach
    void backToHmbana() {
        if (!standards.activeProfile().code().equals("HMBANA")) {
            Staff.asSystem(() -> standards.activate("HMBANA", "test done"));
        }
    }

    static String runJson(UUID poolId, String temperature, int minutes, int count, int volume) {
        return runJson(
                poolId, temperature, minutes, count, volume, Instant.now().minus(Duration.ofMinutes(30)));
    }

    static String runJson(UUID poolId, String temperature, int minutes, int count, int volume, Instant endedAt) {
        Instant end = endedAt.truncatedTo(ChronoUnit.SECONDS);
        Instant start = end.minus(Duration.ofMinutes(80));
        return """
                {"poolId":"%s","device":"PAST-2","startedAt":"%s","endedAt":"%s",
                 "holdTemperatureC":%s,"holdMinutes":%d,"bottleCount":%d,"bottleVolumeMl":%d}""".formatted(poolId, start, end, temperature, minutes, count, volume);
    }

    /** The second technician's signature: her own password. */
    static final String RELEASE = "{\"signaturePassword\":\"" + Staff.PASSWORD + "\"}";

    ResultActions postJson(String url, String who, String body) throws Exception {
        return mvc.perform(post(url)
                .with(httpBasic(who, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void theWholePathFromReceptionToReleasedStockThroughTheApi() throws Exception {
        Technicians techs = Technicians.create(context);
        // received days ago, so that the run's culture can be read negative now, after the profile's 48 h
        Instant received = ProcessingFixtures.agedReceivedAt();
        Instant runEnded = received.plus(Duration.ofHours(3));
        DonationView donation = ProcessingFixtures.receivedDonation(context, 6, received, 500, 400);
        String containerDins = donation.containers().stream()
                .map(c -> "\"" + Din.parse(c.din()).withCheck() + "\"")
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        String poolId = JsonPath.read(
                postJson(
                                "/api/v1/pools",
                                techs.recorder(),
                                "{\"containerDins\":[" + containerDins + "],\"madeAt\":\""
                                        + received.plus(Duration.ofMinutes(30)) + "\"}")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.state").value("READY"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        postJson("/api/v1/runs", techs.recorder(), runJson(UUID.fromString(poolId), "62.5", 30, 10, 91))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pasteurization.runs.moreThanPool"));
        // a device outside the equipment register: its calibration cannot be known, so no run is accepted on it
        postJson(
                        "/api/v1/runs",
                        techs.recorder(),
                        runJson(UUID.fromString(poolId), "62.8", 31, 3, 100).replace("PAST-2", "Bath in the corner"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pasteurization.run.deviceNotRegistered"));
        String runId = JsonPath.read(
                postJson(
                                "/api/v1/runs",
                                techs.recorder(),
                                runJson(UUID.fromString(poolId), "62.5", 30, 9, 100, runEnded))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.outcome").value("PASSED"))
                        .andExpect(jsonPath("$.state").value("QUARANTINE"))
                        .andExpect(jsonPath("$.recordedBy").value(techs.recorder()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        UUID run = UUID.fromString(runId);
        assertThat(pools.find(UUID.fromString(poolId)).orElseThrow().state()).isEqualTo(PoolState.PASTEURISED);
        List<BottleView> bottles = inventory.bottlesOfRun(run);
        LocalDate expressed = donation.containers().get(0).expressedOn();
        assertThat(bottles).hasSize(9).allSatisfy(b -> {
            assertThat(b.state()).isEqualTo(BottleState.QUARANTINE);
            assertThat(b.expiresOn()).isEqualTo(expressed.plusMonths(12)); // HMBANA: 12 months from expression
            assertThat(b.volumeMl()).isEqualTo(100);
        });
        // the pool is used up: a second run of it is refused
        postJson("/api/v1/runs", techs.recorder(), runJson(UUID.fromString(poolId), "62.5", 30, 1, 100))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pasteurization.run.poolNotReady"));

        postJson("/api/v1/runs/" + runId + "/release", techs.releaser(), RELEASE)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pasteurization.release.culturePending"));
        // a negative culture sampled now cannot be read now: the profile asks for 48 h of incubation
        postJson("/api/v1/runs/" + runId + "/post-culture", techs.recorder(), "{\"cfu\":0}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.culture.read.tooEarly"));
        postJson(
                        "/api/v1/runs/" + runId + "/post-culture",
                        techs.recorder(),
                        "{\"cfu\":0,\"sampledAt\":\"" + runEnded.plus(Duration.ofMinutes(5)) + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CULTURE_NEGATIVE"))
                .andExpect(jsonPath("$.postCultureSampleCode").isNotEmpty());
        postJson("/api/v1/runs/" + runId + "/release", techs.recorder(), RELEASE)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pasteurization.release.sameTechnician"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Two-person rule")));
        assertThat(inventory.dispensable(LocalDate.now()))
                .extracting(BottleView::runId)
                .doesNotContain(run);

        // typed without a log: a manual record the second person confirms before she can release it
        postJson("/api/v1/runs/" + runId + "/release", techs.releaser(), RELEASE)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pasteurization.manual.release.unconfirmed"));
        postJson("/api/v1/runs/" + runId + "/confirm-manual", techs.releaser(), RELEASE)
                .andExpect(status().isOk());
        postJson("/api/v1/runs/" + runId + "/release", techs.releaser(), RELEASE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RELEASED"))
                .andExpect(jsonPath("$.releasedBy").value(techs.releaser()));
        assertThat(inventory.bottlesOfRun(run)).extracting(BottleView::state).containsOnly(BottleState.RELEASED);
        assertThat(inventory.dispensable(LocalDate.now()))
                .extracting(BottleView::runId)
                .contains(run);
        mvc.perform(get("/api/v1/runs").param("state", "RELEASED").with(httpBasic(techs.releaser(), Staff.PASSWORD)))
                .andExpect(jsonPath("$.items[*].id", Matchers.hasItem(runId)));
    }

    @Test
    void aColdCycleIsRecordedAsFailedWithNoBottlesAndThePoolStaysReady() throws Exception {
        Technicians techs = Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 500);
        String body = postJson("/api/v1/runs", techs.recorder(), runJson(pool.id(), "62.4", 30, 5, 100))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("FAILED"))
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.failureReason").doesNotExist())
                .andExpect(jsonPath("$.failureCodes[0].key").value("pasteurization.failure.holder.tooCold"))
                .andExpect(jsonPath("$.failureCodes[0].args[0]").value("62.4"))
                .andExpect(jsonPath("$.failureReasonText").value(Matchers.containsString("62.4 °C")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID failed = UUID.fromString(JsonPath.read(body, "$.id"));
        assertThat(inventory.bottlesOfRun(failed)).isEmpty();
        assertThat(pools.find(pool.id()).orElseThrow().state()).isEqualTo(PoolState.READY);

        postJson("/api/v1/runs", techs.recorder(), runJson(pool.id(), "62.5", 29, 5, 100))
                .andExpect(jsonPath("$.outcome").value("FAILED"))
                .andExpect(jsonPath("$.failureReasonText").value(Matchers.containsString("held 29 min")));
        postJson("/api/v1/runs", techs.recorder(), runJson(pool.id(), "62.5", 30, 5, 100))
                .andExpect(jsonPath("$.outcome").value("PASSED"));
        mvc.perform(get("/runs/" + failed).with(user(techs.releaser()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-testid=\"run-failed\"")))
                .andExpect(content().string(Matchers.containsString("62.4 °C")));
    }

    @Test
    void aPositiveCultureDiscardsEveryBottleAndTheRunCannotBeReleased() throws Exception {
        Staff.asSystem(() -> standards.activate("NICE", "NICE culture limits"));
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.quarantinedRun(context, techs, 4, 100);
        postJson(
                        "/api/v1/runs/" + run.id() + "/post-culture",
                        techs.recorder(),
                        "{\"cfu\":11,\"organism\":\"Bacillus cereus\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DISCARDED"))
                .andExpect(jsonPath("$.postCultureOutcome").value("POSITIVE"))
                // the organism is the culture's finding; the discard reason is a code, rendered in the reader's
                // language
                .andExpect(jsonPath("$.postCultureOrganism").value("Bacillus cereus"))
                .andExpect(jsonPath("$.discardReason").value("culture.positive"));
        assertThat(inventory.bottlesOfRun(run.id()))
                .hasSize(4)
                .extracting(BottleView::state)
                .containsOnly(BottleState.DISCARDED);
        postJson("/api/v1/runs/" + run.id() + "/release", techs.releaser(), RELEASE)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pasteurization.release.culturePositive"));
    }

    @Test
    void niceBottlesExpireSixMonthsFromTheEarliestExpression() {
        Staff.asSystem(() -> standards.activate("NICE", "NICE shelf life"));
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.quarantinedRun(context, techs, 2, 100);
        PoolView pool = pools.find(run.poolId()).orElseThrow();
        assertThat(inventory.bottlesOfRun(run.id()))
                .extracting(BottleView::expiresOn)
                .containsOnly(pool.earliestExpression().plusMonths(6));
    }

    @Test
    void thePagesRecordARunAndShowWhyTheRecorderCannotRelease() throws Exception {
        Technicians techs = Technicians.create(context);
        PoolView pool = ProcessingFixtures.agedReadyPool(context, techs.recorder(), 300);
        var recorder = user(techs.recorder()).roles("LAB_TECHNICIAN");
        mvc.perform(get("/runs/new").param("pool", pool.id().toString()).with(recorder))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("at least 62.5 °C for at least 30 min")));
        // pasteurised days ago, so that its culture may be read negative now
        LocalDateTime end = LocalDateTime.ofInstant(
                        ProcessingFixtures.agedReceivedAt().plus(Duration.ofHours(3)), java.time.ZoneId.systemDefault())
                .truncatedTo(ChronoUnit.MINUTES);
        String location = mvc.perform(post("/runs")
                        .param("poolId", pool.id().toString())
                        .param("device", "PAST-1")
                        .param("startedAt", end.minusMinutes(70).toString())
                        .param("endedAt", end.toString())
                        .param("holdTemperatureC", "62.6")
                        .param("holdMinutes", "30")
                        .param("bottleCount", "3")
                        .param("bottleVolumeMl", "100")
                        .with(csrf())
                        .with(recorder))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", Matchers.containsString("3 bottles are in quarantine")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID runId = UUID.fromString(location.substring("/runs/".length()));
        // the run's page sends her to the lab: a sample of the run taken as it ended, read after its incubation
        mvc.perform(get(location).with(recorder))
                .andExpect(content().string(Matchers.containsString("data-testid=\"post-culture-take-sample\"")));
        String sample = mvc.perform(post("/lab/samples")
                        .param("unitCode", runs.runCode(runId))
                        .param("purpose", "POST_CULTURE")
                        .param("medium", "BLOOD_AGAR")
                        .param("takenAt", end.plusMinutes(5).toString())
                        .with(csrf())
                        .with(recorder))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(post(sample + "/reads")
                        .param("totalViableCount", "0")
                        .with(csrf())
                        .with(recorder))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(recorder))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Two-person rule")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                Din.parse(inventory.bottlesOfRun(runId).get(0).din())
                                        .withCheck())));
        mvc.perform(post(location + "/release")
                        .param("signaturePassword", Staff.PASSWORD)
                        .with(csrf())
                        .with(recorder))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Two-person rule")));
        // the typed run is a manual record: the second person reads it and confirms it on its page first
        var releaser = user(techs.releaser()).roles("LAB_TECHNICIAN");
        mvc.perform(get(location).with(releaser))
                .andExpect(content().string(Matchers.containsString("Manual record awaiting confirmation")))
                .andExpect(content().string(Matchers.containsString("The hold as typed: 62.6 °C · 30 min.")))
                .andExpect(content().string(Matchers.containsString("The pasteuriser: PAST-1.")));
        mvc.perform(post(location + "/confirm-manual")
                        .param("signaturePassword", Staff.PASSWORD)
                        .with(csrf())
                        .with(releaser))
                .andExpect(flash().attribute("success", Matchers.containsString("manual record is confirmed")));
        mvc.perform(post(location + "/release")
                        .param("signaturePassword", Staff.PASSWORD)
                        .with(csrf())
                        .with(releaser))
                .andExpect(flash().attribute("success", Matchers.containsString("released")));
        mvc.perform(get("/runs").with(user("mgr").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(pool.dinWithCheck())));
    }

    @Test
    void onlyLabTechniciansActOnRunsManagersViewAndOthersAreKeptOut() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.cultureNegativeRun(context, techs, 1, 100);
        String manager = Staff.create(identity, Role.MANAGER);
        mvc.perform(get("/api/v1/runs/" + run.id()).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/runs/" + run.id()).with(user(manager).roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-testid=\"release-run\""))));
        postJson("/api/v1/runs/" + run.id() + "/release", manager, RELEASE).andExpect(status().isForbidden());
        for (Role role : List.of(Role.NURSE, Role.DISPENSER, Role.DONOR_COORDINATOR)) {
            String other = Staff.create(identity, role);
            mvc.perform(get("/api/v1/runs").with(httpBasic(other, Staff.PASSWORD)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/runs/" + run.id()).with(user(other).roles(role.name())))
                    .andExpect(status().isForbidden());
            postJson("/api/v1/runs/" + run.id() + "/release", other, RELEASE).andExpect(status().isForbidden());
        }
        assertThat(context.getBean(PasteurisationManagement.class)
                        .find(run.id())
                        .orElseThrow()
                        .state())
                .isEqualTo(RunState.CULTURE_NEGATIVE);
    }
}
