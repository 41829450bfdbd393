package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.processing.PoolVolume;
import org.openmilkbank.processing.PoolVolumes;
import org.openmilkbank.processing.VolumeMovementKind;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.BankProfiles;
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

/**
 * One pool fills several runs of bottles of several sizes; its volume is accounted to the mL, a run that takes more
 * than is left is refused with nothing written, the rest is discarded with a reason when the pool is closed, and an
 * HTST run is judged by the profile's HTST parameters.
 */
@IntegrationTest
class PoolFillsSeveralRunsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    PoolManagement pools;

    @Autowired
    PoolVolumes volumes;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    Inventory inventory;

    @Autowired
    Standards standards;

    @Autowired
    BankProfiles bankProfiles;

    @Autowired
    History history;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Clock clock;

    @AfterEach
    void backToHmbana() {
        if (!standards.activeProfile().code().equals("HMBANA")) {
            Staff.asSystem(() -> standards.activate("HMBANA", "test done"));
        }
    }

    static String run(UUID poolId, String bottles, String extra) {
        Instant end = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        Instant start = end.minus(Duration.ofMinutes(80));
        return """
                {"poolId":"%s","device":"PAST-2","startedAt":"%s","endedAt":"%s",
                 "holdTemperatureC":62.5,"holdMinutes":30,"bottles":[%s]%s}""".formatted(poolId, start, end, bottles, extra);
    }

    ResultActions postJson(String url, String who, String body) throws Exception {
        return mvc.perform(post(url)
                .with(httpBasic(who, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void onePoolFillsTwoRunsOfTwoSizesAndItsVolumeIsAccountedToTheMillilitre() throws Exception {
        Technicians techs = Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 1000, 1000);

        postJson(
                        "/api/v1/runs",
                        techs.recorder(),
                        run(
                                pool.id(),
                                "{\"volumeMl\":50,\"count\":10},{\"volumeMl\":100,\"count\":5}",
                                ",\"sampledMl\":10"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.bottleCount").value(15))
                .andExpect(jsonPath("$.bottles.length()").value(2))
                .andExpect(jsonPath("$.sampledMl").value(10));
        assertThat(pools.find(pool.id()).orElseThrow().state()).isEqualTo(PoolState.READY);

        // an older caller's single line: 9 × 100 mL
        postJson(
                        "/api/v1/runs",
                        techs.recorder(),
                        PasteurisationIntegrationTests.runJson(pool.id(), "62.5", 30, 9, 100))
                .andExpect(status().isCreated());

        List<RunView> ofPool = runs.runsOfPool(pool.id());
        assertThat(ofPool).hasSize(2);
        List<BottleView> first = inventory.bottlesOfRun(ofPool.get(0).id());
        assertThat(first)
                .extracting(BottleView::volumeMl)
                .containsExactlyInAnyOrder(50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 100, 100, 100, 100, 100);
        assertThat(inventory.bottlesOfRun(ofPool.get(1).id())).hasSize(9);

        PoolVolume account = volumes.of(pool.id());
        assertThat(account.pooledMl()).isEqualTo(2000);
        assertThat(account.bottledMl()).isEqualTo(500 + 500 + 900);
        assertThat(account.sampledMl()).isEqualTo(10);
        assertThat(account.leftMl()).isEqualTo(90);
        assertThat(account.movements())
                .extracting(PoolVolume.Movement::kind)
                .containsExactly(
                        VolumeMovementKind.BOTTLED,
                        VolumeMovementKind.BOTTLED,
                        VolumeMovementKind.SAMPLED,
                        VolumeMovementKind.BOTTLED);
        assertThat(account.movements()).allSatisfy(m -> assertThat(m.by()).isEqualTo(techs.recorder()));
        assertThat(history.of("Pool", pool.id()))
                .extracting(History.HistoryEntry::action)
                .filteredOn(a -> a.contains("bottled"))
                .hasSize(2);

        mvc.perform(get("/api/v1/pools/" + pool.id() + "/volume").with(httpBasic(techs.releaser(), Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pooledMl").value(2000))
                .andExpect(jsonPath("$.bottledMl").value(1900))
                .andExpect(jsonPath("$.sampledMl").value(10))
                .andExpect(jsonPath("$.discardedMl").value(0))
                .andExpect(jsonPath("$.leftMl").value(90));

        // the lineage of the pool names both runs and every bottle of them
        String manager = Staff.create(identity, Role.MANAGER);
        mvc.perform(get("/api/v1/trace/dins/" + Din.parse(pool.din()).withCheck())
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units.runs.length()").value(2))
                .andExpect(jsonPath("$.units.bottles.length()").value(24));

        // the last millilitres closed with a reason: the pool is pasteurised and its account is whole
        postJson("/api/v1/pools/" + pool.id() + "/close", techs.recorder(), "{\"reason\":\"TOO_LITTLE_LEFT\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.discardedMl").value(90))
                .andExpect(jsonPath("$.leftMl").value(0));
        assertThat(pools.find(pool.id()).orElseThrow().state()).isEqualTo(PoolState.PASTEURISED);
        assertThat(history.of("Pool", pool.id()))
                .extracting(History.HistoryEntry::detail)
                .anySatisfy(d -> assertThat(d).contains("90 mL").contains("Too little left for a bottle"));
    }

    @Test
    void aRunThatTakesMoreThanIsLeftIsRefusedWithTheNumbersAndNothingIsWritten() throws Exception {
        Technicians techs = Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 1000);
        postJson("/api/v1/runs", techs.recorder(), run(pool.id(), "{\"volumeMl\":100,\"count\":8}", ""))
                .andExpect(status().isCreated());

        postJson(
                        "/api/v1/runs",
                        techs.recorder(),
                        run(pool.id(), "{\"volumeMl\":100,\"count\":2},{\"volumeMl\":50,\"count\":1}", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("processing.volume.moreThanLeft"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("250 mL"),
                                org.hamcrest.Matchers.containsString("200 mL"),
                                org.hamcrest.Matchers.containsString("1,000 mL"))));

        assertThat(runs.runsOfPool(pool.id())).hasSize(1);
        assertThat(volumes.of(pool.id()).leftMl()).isEqualTo(200);
        assertThat(volumes.of(pool.id()).movements()).hasSize(1);
        assertThat(pools.find(pool.id()).orElseThrow().state()).isEqualTo(PoolState.READY);
    }

    @Test
    void aPoolRunsBottledFromIsClosedNotDiscardedAndOtherNeedsWords() throws Exception {
        Technicians techs = Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 1000);
        postJson("/api/v1/runs", techs.recorder(), run(pool.id(), "{\"volumeMl\":100,\"count\":8}", ""))
                .andExpect(status().isCreated());

        postJson("/api/v1/pools/" + pool.id() + "/discard", techs.recorder(), "{\"reason\":\"spilled\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("processing.volume.discardAfterRuns"));
        postJson("/api/v1/pools/" + pool.id() + "/close", techs.recorder(), "{\"reason\":\"OTHER\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("processing.volume.noteRequired"));
        assertThat(volumes.of(pool.id()).leftMl()).isEqualTo(200);

        postJson(
                        "/api/v1/pools/" + pool.id() + "/close",
                        techs.recorder(),
                        "{\"reason\":\"OTHER\",\"note\":\"bottle cap missing\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leftMl").value(0));
        PoolVolume account = volumes.of(pool.id());
        PoolVolume.Movement discarded = account.movements().get(1);
        assertThat(discarded.kind()).isEqualTo(VolumeMovementKind.DISCARDED);
        assertThat(discarded.volumeMl()).isEqualTo(200);
        assertThat(discarded.note()).isEqualTo("bottle cap missing");
        assertThat(discarded.by()).isEqualTo(techs.recorder());
        assertThat(pools.find(pool.id()).orElseThrow().state()).isEqualTo(PoolState.PASTEURISED);
    }

    @Test
    void aFailedRunsMilkStaysInThePoolForTheNextRunWhichClosesItWhenItTakesTheRest() throws Exception {
        Technicians techs = Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 1000);
        postJson(
                        "/api/v1/runs",
                        techs.recorder(),
                        PasteurisationIntegrationTests.runJson(pool.id(), "61.0", 30, 10, 100))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("FAILED"));
        PoolVolume afterFailed = volumes.of(pool.id());
        assertThat(afterFailed.leftMl()).isEqualTo(1000);
        assertThat(afterFailed.returnedMl()).isEqualTo(1000);
        assertThat(pools.find(pool.id()).orElseThrow().state()).isEqualTo(PoolState.READY);

        postJson(
                        "/api/v1/runs",
                        techs.recorder(),
                        PasteurisationIntegrationTests.runJson(pool.id(), "62.5", 30, 10, 100))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("PASSED"));
        assertThat(volumes.of(pool.id()).leftMl()).isZero();
        assertThat(pools.find(pool.id()).orElseThrow().state()).isEqualTo(PoolState.PASTEURISED);
    }

    @Test
    void anHtstRunIsRefusedByAStandardWithoutHtstAndJudgedByTheParametersOfAProfileWithIt() throws Exception {
        Technicians techs = Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 1000);
        String htst15 = run(pool.id(), "{\"volumeMl\":100,\"count\":2}", ",\"method\":\"HTST\",\"holdSeconds\":15")
                .replace("\"holdTemperatureC\":62.5", "\"holdTemperatureC\":72.0");
        postJson("/api/v1/runs", techs.recorder(), htst15)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pasteurization.runs.htstNotAllowed"));
        assertThat(runs.runsOfPool(pool.id())).isEmpty();
        assertThat(volumes.of(pool.id()).movements()).isEmpty();

        String code = "HTST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Staff.asSystem(() -> {
            bankProfiles.derive(code, "Bank with HTST", "validated HTST pasteuriser", "HMBANA");
            bankProfiles.change(code, "htst.allowed", "true", LocalDate.now(clock), "HTST pasteuriser validated");
            standards.activate(code, "HTST test");
        });

        postJson("/api/v1/runs", techs.recorder(), htst15)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.method").value("HTST"))
                .andExpect(jsonPath("$.outcome").value("PASSED"))
                .andExpect(jsonPath("$.holdSeconds").value(15));
        postJson("/api/v1/runs", techs.recorder(), htst15.replace("\"holdSeconds\":15", "\"holdSeconds\":10"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("FAILED"))
                .andExpect(jsonPath("$.failureCodes[*].key")
                        .value(containsInAnyOrder("pasteurization.failure.htst.tooShort")));
    }
}
