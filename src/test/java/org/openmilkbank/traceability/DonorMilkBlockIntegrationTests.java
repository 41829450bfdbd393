package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.RawContainerDetail;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.reporting.Dashboard;
import org.openmilkbank.reporting.Reporting;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A late positive result for a donor whose milk is in every state: raw, held, in a pool awaiting its culture, in a
 * ready pool, in a quarantined run, a culture-negative run, a released run with a dispensed bottle. Everything
 * unfed becomes BLOCKED in the one transaction, every later step refuses it, and the look-back names the infant.
 */
@IntegrationTest
class DonorMilkBlockIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    CollectionManagement collection;

    @Autowired
    PoolManagement pools;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    Inventory inventory;

    @Autowired
    Standards standards;

    @Autowired
    History history;

    @Autowired
    Reporting reporting;

    @Autowired
    JdbcClient jdbc;

    DispensingFixtures fixtures;
    DonorView positive;
    DonorView other;
    RawContainerView raw;
    RawContainerView held;
    RawContainerView discarded;
    PoolView awaiting;
    PoolView ready;
    PoolView otherOnly;
    DispensingFixtures.Batch quarantined;
    DispensingFixtures.Batch cultureNegative;
    DispensingFixtures.Batch released;
    DispensingFixtures.Batch othersReleased;
    InfantView fed;
    String coordinator;
    String technician;
    String dispenser;

    @BeforeEach
    void milkInEveryState() {
        fixtures = new DispensingFixtures(context);
        coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        dispenser = Staff.create(identity, Role.DISPENSER);
        positive = fixtures.eligibleDonor();
        other = fixtures.eligibleDonor();

        raw = fixtures.containers(3, positive).get(0);
        held = fixtures.containers(3, positive).get(0);
        // the reception's hold is its own feature; here the container is put on hold directly
        jdbc.sql("update raw_container set state = 'HELD' where id = :id")
                .param("id", held.id())
                .update();
        discarded = fixtures.containers(3, positive).get(0);
        Staff.as(technician, Role.LAB_TECHNICIAN, () -> collection.discardContainer(discarded.din(), "seal broken"));

        // a pool awaiting its culture exists under a standard that asks for one
        List<RawContainerView> forCulture = fixtures.containers(3, positive);
        Staff.asSystem(() -> standards.activate("NICE", "pool awaiting a pre-culture"));
        try {
            Staff.as(technician, Role.LAB_TECHNICIAN, () -> awaiting = pools.createPool(ids(forCulture)));
        } finally {
            Staff.asSystem(() -> standards.activate("HMBANA", "back to the test standard"));
        }
        Staff.as(
                technician,
                Role.LAB_TECHNICIAN,
                () -> ready = pools.createPool(ids(fixtures.containers(3, positive, other))));
        Staff.as(
                technician,
                Role.LAB_TECHNICIAN,
                () -> otherOnly = pools.createPool(ids(fixtures.containers(3, other))));

        quarantined = fixtures.quarantined(fixtures.containers(3, positive, other), 2);
        DispensingFixtures.Batch q = fixtures.quarantined(fixtures.containers(3, positive, other), 2);
        Staff.as(
                technician,
                Role.LAB_TECHNICIAN,
                () -> runs.recordPostCulture(q.run().id(), 0, null));
        cultureNegative = q;
        released = fixtures.released(fixtures.containers(3, positive, other), 3);
        othersReleased = fixtures.released(fixtures.containers(3, other), 2);
        fed = fixtures.infantWithConsent();
        fixtures.dispense(fed, released.bottles().get(0));
    }

    private static List<UUID> ids(List<RawContainerView> containers) {
        return containers.stream().map(RawContainerView::id).toList();
    }

    private void recordLatePositive() throws Exception {
        String test = standards.activeProfile().serologyPanel().get(0);
        mvc.perform(post("/api/v1/donors/{id}/serology", positive.id())
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"test": "%s", "sampleDate": "%s", "outcome": "POSITIVE", "labReference": "LATE-1"}
                                """.formatted(test, LocalDate.now().minusDays(1))))
                .andExpect(status().isCreated());
    }

    private RawContainerDetail container(RawContainerView c) {
        return collection.container(c.din()).orElseThrow();
    }

    private PoolView pool(UUID id) {
        return pools.find(id).orElseThrow();
    }

    private RunView run(UUID id) {
        return runs.find(id).orElseThrow();
    }

    private List<BottleView> bottles(DispensingFixtures.Batch batch) {
        return inventory.bottlesOfRun(batch.run().id());
    }

    @Test
    void aLatePositiveBlocksHerUnfedMilkInEveryStateAndNothingElse() throws Exception {
        recordLatePositive();

        assertThat(container(raw).container().state()).isEqualTo(ContainerState.BLOCKED);
        assertThat(container(raw).blockReason()).contains("positive");
        assertThat(container(held).container().state()).isEqualTo(ContainerState.BLOCKED);
        assertThat(container(discarded).container().state()).isEqualTo(ContainerState.DISCARDED);

        for (PoolView p : List.of(awaiting, ready, quarantined.pool(), cultureNegative.pool(), released.pool())) {
            assertThat(pool(p.id()).state()).as("pool %s", p.dinWithCheck()).isEqualTo(PoolState.BLOCKED);
            assertThat(pool(p.id()).blockReason()).contains("positive");
        }
        assertThat(awaiting.state()).isEqualTo(PoolState.AWAITING_PRE_CULTURE);
        assertThat(pool(otherOnly.id()).state()).isEqualTo(PoolState.READY);
        assertThat(pool(othersReleased.pool().id()).state()).isEqualTo(PoolState.PASTEURISED);

        for (DispensingFixtures.Batch b : List.of(quarantined, cultureNegative, released)) {
            assertThat(run(b.run().id()).state()).isEqualTo(RunState.BLOCKED);
            assertThat(bottles(b)).extracting(BottleView::state).containsOnly(BottleState.BLOCKED);
        }
        assertThat(run(othersReleased.run().id()).state()).isEqualTo(RunState.RELEASED);
        assertThat(bottles(othersReleased)).extracting(BottleView::state).containsOnly(BottleState.RELEASED);

        assertThat(history.of(CollectionManagement.CONTAINER, raw.id())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("blocked");
            assertThat(e.reason()).contains("positive");
        });
        assertThat(history.of("Pool", ready.id()))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("blocked"));
        assertThat(history.of("PasteurisationRun", released.run().id()))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("blocked"));
        assertThat(history.of("Bottle", released.bottles().get(0).id()))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("blocked: recalled"));
        assertThat(history.of("Bottle", released.bottles().get(1).id()))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("blocked"));
    }

    @Test
    void afterTheBlockEveryStepRefusesHerMilk() throws Exception {
        recordLatePositive();

        refused(post("/api/v1/containers/{din}/discard", raw.din()), "{\"reason\": \"tidy up\"}", "blocked");
        refused(post("/api/v1/pools"), "{\"containerIds\": [\"" + raw.id() + "\"]}", "");
        refused(
                post("/api/v1/pools/{id}/pre-culture", awaiting.id()),
                "{\"totalCfu\": 10, \"enterobacteriaceaeCfu\": 0, \"staphAureusCfu\": 0}",
                "blocked");
        refused(
                post("/api/v1/runs"),
                """
                {"poolId": "%s", "device": "P1", "startedAt": "%s", "endedAt": "%s", "holdTemperatureC": 62.5,
                 "holdMinutes": 30, "bottleCount": 1, "bottleVolumeMl": 100}
                """.formatted(
                                ready.id(),
                                java.time.Instant.now().minusSeconds(7200),
                                java.time.Instant.now().minusSeconds(3000)),
                "blocked");
        refused(post("/api/v1/runs/{id}/post-culture", quarantined.run().id()), "{\"cfu\": 0}", "blocked");
        refused(post("/api/v1/runs/{id}/release", cultureNegative.run().id()), "", "blocked");
        refused(
                post("/api/v1/bottles/{din}/discard", released.bottles().get(1).din()),
                "{\"reason\": \"tidy up\"}",
                "blocked");

        InfantView another = fixtures.infantWithConsent();
        mvc.perform(post("/api/v1/infants/{id}/dispenses", another.id())
                        .with(httpBasic(dispenser, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"bottleDin\": \"" + released.bottles().get(1).din() + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("blocked")));
        assertThat(inventory.dispensable(LocalDate.now()))
                .extracting(BottleView::poolId)
                .doesNotContain(released.pool().id())
                .contains(othersReleased.pool().id());
    }

    private void refused(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body,
            String detail)
            throws Exception {
        mvc.perform(request.with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString(detail)));
    }

    @Test
    void theLookBackListsEveryPoolBottleAndTheInfantWhoReceivedHerMilk() throws Exception {
        recordLatePositive();
        LookBack lookBack = context.getBean(LookBacks.class).forDonor(positive.id());

        assertThat(lookBack.blocks()).singleElement().satisfies(b -> {
            assertThat(b.reason()).contains("positive");
            assertThat(b.blockedBy()).isEqualTo(coordinator);
            assertThat(b.counts().infants()).isEqualTo(1);
        });
        assertThat(lookBack.pools())
                .extracting(LookBack.Pool::id)
                .containsExactlyInAnyOrder(
                        awaiting.id(),
                        ready.id(),
                        quarantined.pool().id(),
                        cultureNegative.pool().id(),
                        released.pool().id());
        assertThat(lookBack.containers()).hasSize(8);
        assertThat(lookBack.runs()).hasSize(3).extracting(LookBack.Run::state).containsOnly("BLOCKED");
        assertThat(lookBack.bottles())
                .hasSize(7)
                .extracting(LookBack.Bottle::state)
                .containsOnly("BLOCKED");
        assertThat(lookBack.usableBottles()).isZero();
        assertThat(lookBack.recipients()).singleElement().satisfies(r -> {
            assertThat(r.infantCode()).isEqualTo(fed.infantCode());
            assertThat(r.bottleId()).isEqualTo(released.bottles().get(0).id());
            assertThat(r.recalled()).isTrue();
        });

        mvc.perform(get("/api/v1/trace/donors/{id}/look-back", positive.id())
                        .with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients[0].infantCode").value(fed.infantCode()))
                .andExpect(jsonPath("$.pools.length()").value(5));
        mvc.perform(get("/api/v1/trace/blocks").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(positive.code())));
    }

    @Test
    void pagesShowTheBlockAndItsReason() throws Exception {
        recordLatePositive();
        String manager = Staff.create(identity, Role.MANAGER);
        page("/trace/donors/" + positive.id() + "/look-back", manager)
                .andExpect(content().string(containsString(fed.infantCode())))
                .andExpect(content().string(containsString("Received, possibly fed")));
        page("/trace/donors/" + positive.id(), manager)
                .andExpect(content().string(containsString("/trace/donors/" + positive.id() + "/look-back")));
        page("/trace/blocks", manager).andExpect(content().string(containsString(positive.code())));
        page("/bottles", manager)
                .andExpect(content().string(containsString("blocked-table")))
                .andExpect(content()
                        .string(containsString(org.openmilkbank.shared.Din.parse(
                                        released.bottles().get(1).din())
                                .withCheck())));
        page("/bottles/" + released.bottles().get(1).din(), manager)
                .andExpect(content().string(containsString("bottle-block-reason")));
        page("/pools/" + ready.id(), manager).andExpect(content().string(containsString("pool-block-reason")));
        page("/pools", manager).andExpect(content().string(containsString("pools-blocked")));
        page("/runs/" + released.run().id(), manager).andExpect(content().string(containsString("run-block-reason")));
        page("/containers/" + raw.din(), manager).andExpect(content().string(containsString("container-block-reason")));
    }

    private org.springframework.test.web.servlet.ResultActions page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(httpBasic(username, Staff.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void blockedMilkIsNotCountedAsUsableStock() throws Exception {
        Dashboard before = reporting.dashboard();
        recordLatePositive();
        Dashboard after = reporting.dashboard();

        assertThat(after.rawAwaitingPooling().containers())
                .isEqualTo(before.rawAwaitingPooling().containers() - 1);
        assertThat(after.poolsAwaitingPreCulture().count())
                .isEqualTo(before.poolsAwaitingPreCulture().count() - 1);
        assertThat(after.poolsReadyForPasteurisation().count())
                .isEqualTo(before.poolsReadyForPasteurisation().count() - 1);
        assertThat(after.runsAwaitingCulture().count())
                .isEqualTo(before.runsAwaitingCulture().count() - 1);
        assertThat(after.runsAwaitingRelease().count())
                .isEqualTo(before.runsAwaitingRelease().count() - 1);
        assertThat(after.bottlesInQuarantine().bottles())
                .isEqualTo(before.bottlesInQuarantine().bottles() - 4);
        assertThat(after.releasedStock().total().bottles())
                .isEqualTo(before.releasedStock().total().bottles() - 2);
    }

    @Test
    void theLookBackIsForManagersAdminsCoordinatorsAndTechniciansOnly() throws Exception {
        recordLatePositive();
        for (Role role : Role.values()) {
            String user = role == Role.ADMIN ? "admin" : Staff.create(identity, role);
            String password = role == Role.ADMIN ? "admin-test-password" : Staff.PASSWORD;
            boolean allowed = switch (role) {
                case MANAGER, ADMIN, DONOR_COORDINATOR, LAB_TECHNICIAN -> true;
                default -> false;
            };
            for (String url : List.of(
                    "/api/v1/trace/donors/" + positive.id() + "/look-back",
                    "/trace/donors/" + positive.id() + "/look-back",
                    "/api/v1/trace/blocks")) {
                mvc.perform(get(url).with(httpBasic(user, password)))
                        .andExpect(allowed ? status().isOk() : status().isForbidden());
            }
        }
    }
}
