package org.openmilkbank.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.RawMilk;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;

/** The run command's demo bank: a newcomer must see milk in every state, built through the real rules. */
// a bank, not the test profile's hub: a hub's demo makes no milk bank
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"openmilkbank.demo.enabled=true", "openmilkbank.network.mode=bank"})
@ActiveProfiles("test")
class DemoBankTests {

    @Autowired
    DonorManagement donors;

    @Autowired
    RawMilk rawMilk;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    Inventory inventory;

    @Autowired
    DispensingManagement dispensing;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Clock clock;

    @Autowired
    CollectionManagement collection;

    @Autowired
    PoolManagement pools;

    @Autowired
    ReadyAtStart readyAtStart;

    /** What was there when the web server started accepting requests. */
    @TestConfiguration
    static class ReadyAtStart {

        private final IdentityManagement identity;
        volatile Boolean staffWhenServerStarted;

        ReadyAtStart(IdentityManagement identity) {
            this.identity = identity;
        }

        @EventListener
        void on(WebServerInitializedEvent event) {
            staffWhenServerStarted = DemoBank.STAFF.stream()
                    .allMatch(s -> identity.findByUsername(s.username()).isPresent());
        }
    }

    @Autowired
    DemoProgress progress;

    @LocalServerPort
    int port;

    /** The bank is built on its own thread after the port opens: every test here reads the finished bank. */
    @BeforeEach
    void theDemoBankIsBuilt() throws InterruptedException {
        assertThat(progress.awaitSettled(Duration.ofMinutes(3))).isEqualTo(DemoProgress.State.READY);
    }

    @Autowired
    org.openmilkbank.equipment.EquipmentManagement equipment;

    @Autowired
    org.openmilkbank.traceability.Holds holds;

    @Test
    void theDemoBankHasItsInstrumentsCalibratedWithTheFridgeDueWithinDays() {
        // FRZ-02 is the released milk's freezer of the demo's places
        assertThat(equipment.list(null)).hasSize(9);
        var work = equipment.workList(null);
        assertThat(work.overdue()).isEmpty();
        assertThat(work.outOfTolerance()).isEmpty();
        assertThat(work.dueSoon()).extracting(r -> r.equipment().code()).containsExactly("FRG-01");
        var pasteuriser = equipment.findByCode("PAST-01").orElseThrow();
        assertThat(equipment.children(pasteuriser.id()))
                .extracting(org.openmilkbank.equipment.EquipmentView::code)
                .containsExactly("LOG-01", "PRB-01");
        assertThat(equipment.heatPenetrationAt(pasteuriser.id(), clock.instant()))
                .isPresent();
        // this morning's calibration found PAST-02's control probe reading high, and adjusted it: the runs it
        // measured that no longer reach the hold temperature with its error taken off are held for the manager
        assertThat(holds.activeOnUnitsOfKind(org.openmilkbank.traceability.HoldKind.CALIBRATION))
                .isNotEmpty();
    }

    @Autowired
    org.openmilkbank.storage.StorageQueries storage;

    @Test
    void theDemoBanksBottlesInQuarantineAndReleasedArePutAwayInTheirFreezers() {
        var quarantined = inventory.inState(BottleState.QUARANTINE);
        var released = inventory.inState(BottleState.RELEASED);
        assertThat(quarantined).isNotEmpty();
        assertThat(released).isNotEmpty();
        var places = storage.placeOf(java.util.stream.Stream.concat(quarantined.stream(), released.stream())
                .map(BottleView::id)
                .toList());
        quarantined.forEach(b -> assertThat(places.get(b.id())).startsWith("FRZ-01 › Q-S1"));
        released.forEach(b -> assertThat(places.get(b.id())).startsWith("FRZ-02 › R-S"));
    }

    @Autowired
    org.openmilkbank.dispensing.orders.OrderManagement orders;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient demoJdbc;

    @Test
    void theDemoNeonatalUnitHasOrdersInEachStateAFeedFromASyringeAndANearMiss() {
        assertThat(orders.open())
                .extracting(org.openmilkbank.dispensing.orders.OrderView::state)
                .contains(
                        org.openmilkbank.dispensing.orders.OrderState.REQUESTED,
                        org.openmilkbank.dispensing.orders.OrderState.ALLOCATED,
                        org.openmilkbank.dispensing.orders.OrderState.RECEIVED);
        assertThat(demoJdbc.sql("select count(*) from ward_feed f join milk_unit u on u.id = f.unit_id"
                                + " where u.kind = 'ALIQUOT'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(demoJdbc.sql("select count(*) from ward_near_miss where 'WRONG_BABY' = any(reasons)")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(demoJdbc.sql("select count(*) from milk_order_return where outcome = 'STOCK'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theDemoBankHoldsMilkInEveryStateAndStaffForEveryRole() {
        LocalDate today = LocalDate.now(clock);

        List<DonorView> all = donors.search("");
        assertThat(all).hasSizeGreaterThanOrEqualTo(10);
        assertThat(all)
                .anySatisfy(d -> assertThat(donors.eligibilityOn(d.id(), today).eligible())
                        .isFalse());
        assertThat(all)
                .filteredOn(d -> donors.eligibilityOn(d.id(), today).eligible())
                .hasSizeGreaterThan(5);

        assertThat(rawMilk.usableForPooling(today)).isNotEmpty();

        assertThat(runs.list(null))
                .extracting(RunView::state)
                .contains(
                        RunState.FAILED,
                        RunState.QUARANTINE,
                        RunState.CULTURE_NEGATIVE,
                        RunState.RELEASED,
                        RunState.DISCARDED);

        assertThat(inventory.inState(null))
                .extracting(BottleView::state)
                .contains(BottleState.QUARANTINE, BottleState.RELEASED, BottleState.DISCARDED, BottleState.DISPENSED);

        var infants = dispensing.search("");
        assertThat(infants).hasSizeGreaterThanOrEqualTo(4);
        assertThat(infants).anySatisfy(i -> assertThat(i.consentGiven()).isFalse());
        assertThat(infants)
                .anySatisfy(i -> assertThat(dispensing.dispensesOf(i.id())).isNotEmpty());

        DemoBank.STAFF.forEach(s -> assertThat(identity.findByUsername(s.username()))
                .hasValueSatisfying(a -> assertThat(a.roles()).containsExactly(s.role())));
    }

    @Test
    void theFirstAdministratorIsCreatedBesideTheDemosStaff() {
        // the demo's staff are made before the first-start runner; none of them is an administrator
        assertThat(identity.findByUsername("admin"))
                .hasValueSatisfying(a -> assertThat(a.roles()).contains(org.openmilkbank.shared.Role.ADMIN));
    }

    @Test
    void theDemoStaffCanSignInAsSoonAsTheSignInPageAnswers() {
        // the staff are made before the web server opens its port; the bank's milk follows on its own thread
        assertThat(readyAtStart.staffWhenServerStarted).isTrue();
    }

    @Test
    void whileTheDemoIsBeingPreparedTheSignInPageAndEveryPageSaySo() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String manager = "Basic "
                + Base64.getEncoder().encodeToString(("manager:" + DemoBank.PASSWORD).getBytes(StandardCharsets.UTF_8));
        progress.started();
        try {
            assertThat(page(http, "/login?lang=en", null))
                    .contains("data-testid=\"demo-preparing\"")
                    .contains("The demo bank is being prepared");
            assertThat(page(http, "/login?lang=lo", null)).contains("ກຳລັງກະກຽມທະນາຄານນົມຕົວຢ່າງ");
            assertThat(page(http, "/?lang=vi", manager)).contains("Ngân hàng sữa mẫu đang được chuẩn bị");
        } finally {
            progress.finished(true);
        }
        assertThat(page(http, "/login?lang=en", null)).doesNotContain("demo-preparing");
        assertThat(page(http, "/?lang=en", manager)).doesNotContain("demo-preparing");
    }

    private String page(HttpClient http, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void theDemosWorkIsSpreadOverItsSixWeeksWithARealisticDayToday() {
        LocalDate today = LocalDate.now(clock);
        ZoneId zone = clock.getZone();
        List<LocalDate> receptions = donors.search("").stream()
                .flatMap(d -> collection.donationsOf(d.id()).stream())
                .map(d -> LocalDate.ofInstant(d.receivedAt(), zone))
                .toList();
        List<LocalDate> pooled = pools.list(null).stream()
                .map(p -> LocalDate.ofInstant(p.createdAt(), zone))
                .toList();
        List<LocalDate> pasteurised = runs.list(null).stream()
                .map(r -> LocalDate.ofInstant(r.endedAt(), zone))
                .toList();

        assertThat(receptions).hasSizeGreaterThan(20);
        assertThat(pooled).hasSizeGreaterThanOrEqualTo(6);
        assertThat(pasteurised).hasSizeGreaterThanOrEqualTo(6);
        // today's work lists show a day's work, not the whole demo
        assertThat(receptions).filteredOn(today::equals).hasSizeLessThanOrEqualTo(6);
        assertThat(collection.receivedOn(today)).hasSizeLessThanOrEqualTo(6);
        assertThat(pooled).filteredOn(today::equals).hasSizeLessThanOrEqualTo(2);
        assertThat(pasteurised).filteredOn(today::equals).hasSizeLessThanOrEqualTo(2);
        assertThat(weeks(receptions, today)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(weeks(pooled, today)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(weeks(pasteurised, today)).hasSizeGreaterThanOrEqualTo(5);
    }

    /** Each pool made after every one of its containers arrived, each run after its pool was made. */
    @Test
    void theDemosPoolsAndRunsFollowTheMilkTheyAreMadeOf() {
        pools.list(null).forEach(pool -> {
            pool.containers()
                    .forEach(c -> assertThat(collection
                                    .findByDin(c.din())
                                    .flatMap(rc -> collection.findDonation(rc.donationId()))
                                    .orElseThrow()
                                    .receivedAt())
                            .isBefore(pool.createdAt()));
            runs.runsOfPool(pool.id())
                    .forEach(run -> assertThat(run.startedAt()).isAfter(pool.createdAt()));
        });
    }

    @Autowired
    org.openmilkbank.lab.LabManagement lab;

    @Autowired
    org.openmilkbank.standards.Standards standards;

    /** Culture samples taken after their run ended, read at their own times after the incubation, not at start-up. */
    @Test
    void theDemosCultureReadsAreMadeAtBelievableTimesAfterTheirIncubation() {
        var profile = standards.activeProfile();
        var judged = lab.recentlyJudged();
        assertThat(judged).hasSizeGreaterThanOrEqualTo(3);
        runs.list(null)
                .forEach(run -> lab.samplesOf(run.id())
                        .forEach(sample -> assertThat(sample.takenAt()).isAfter(run.endedAt())));
        List<java.time.Instant> readTimes = judged.stream()
                .flatMap(s -> s.reads().stream())
                .map(org.openmilkbank.lab.SampleView.Read::readAt)
                .toList();
        judged.stream()
                .filter(org.openmilkbank.lab.SampleView::passed)
                .forEach(s -> assertThat(s.currentRead().orElseThrow().readAt())
                        .isAfterOrEqualTo(s.incubationStartedAt()
                                .plus(java.time.Duration.ofHours(profile.cultureMinIncubationHours()))));
        // read over the demo's days, not all at the moment it was built
        assertThat(readTimes.stream()
                        .map(t -> LocalDate.ofInstant(t, clock.getZone()))
                        .distinct())
                .hasSizeGreaterThanOrEqualTo(3);
        judged.forEach(s -> assertThat(s.currentRead().orElseThrow().readAt()).isBeforeOrEqualTo(s.judgedAt()));
    }

    private static Set<Long> weeks(List<LocalDate> days, LocalDate today) {
        return days.stream().map(d -> ChronoUnit.DAYS.between(d, today) / 7).collect(Collectors.toSet());
    }

    @Test
    void theDemoFillsOnlyTheEmbeddedDatabaseUnlessToldOtherwise() {
        assertThat(DemoRunner.enabled("", "")).isTrue();
        assertThat(DemoRunner.enabled(null, "jdbc:postgresql://db/milkbank")).isFalse();
        assertThat(DemoRunner.enabled("true", "jdbc:postgresql://db/milkbank")).isTrue();
        assertThat(DemoRunner.enabled("false", "")).isFalse();
    }
}
