package org.openmilkbank.reporting.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.orders.OrderAllocation;
import org.openmilkbank.dispensing.orders.OrderDispatch;
import org.openmilkbank.dispensing.orders.OrderReturns;
import org.openmilkbank.dispensing.orders.ReturnReason;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.AnalyserFixtures;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.MilkGate;
import org.openmilkbank.traceability.RecallSource;
import org.openmilkbank.traceability.Recalls;
import org.openmilkbank.ward.Bedside;
import org.openmilkbank.ward.BedsideCheck;
import org.openmilkbank.ward.BedsideRefusal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The discard causes, the pools' nutrients, the stock and its days of supply and the near misses, each from milk
 * this test brings into a shared bank through the modules' own APIs: each number is what this test added to the
 * period's table, and the units behind it that it added are exactly its own.
 */
@IntegrationTest
class IndicatorCausesIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    IndicatorSource indicators;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Standards standards;

    @Autowired
    PoolManagement pools;

    @Autowired
    CollectionManagement collection;

    @Autowired
    Inventory inventory;

    @Autowired
    DonorManagement donors;

    @Autowired
    Recalls recalls;

    @Autowired
    Holds holds;

    @Autowired
    MilkGate gate;

    @Autowired
    Bedside bedside;

    @Autowired
    OrderAllocation allocation;

    @Autowired
    OrderDispatch dispatch;

    @Autowired
    OrderReturns returns;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @AfterEach
    void backToHmbana() {
        if (!standards.activeProfile().code().equals("HMBANA")) {
            Staff.asSystem(() -> standards.activate("HMBANA", "test done"));
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Test
    void aPoolWhoseCultureBeforePasteurisationFailsIsAPreCultureDiscardAndAPositiveOfTheRate() {
        LocalDate to = today();
        LocalDate from = to.minusDays(10);
        String tech = Staff.create(identity, Role.LAB_TECHNICIAN);
        DonationView failing = ProcessingFixtures.receivedDonation(context, 3, 300, 200);
        Staff.asSystem(() -> standards.activate("NICE", "NICE asks for a culture before pasteurisation"));
        Snapshot before = snapshot(from, to, "PRE_CULTURE");
        List<IndicatorSource.UnitBehind> culturedBefore = all("PRE_CULTURE_POSITIVE_RATE", null, from, to);

        PoolView[] pool = new PoolView[1];
        Staff.as(tech, Role.LAB_TECHNICIAN, () -> {
            PoolView made = pools.createPool(
                    failing.containers().stream().map(c -> c.id()).toList(),
                    DonorFixtures.POOLED_AGO.apply(Instant.now()));
            assertThat(made.state()).isEqualTo(PoolState.AWAITING_PRE_CULTURE);
            pool[0] = pools.recordPreCulture(made.id(), 100_001, 0L, 0L);
        });
        assertThat(pool[0].state()).isEqualTo(PoolState.DISCARDED);
        // a second pool passes its culture: the rate's denominator, not its numerator
        PoolView passed = ProcessingFixtures.readyPool(context, tech, 400);
        assertThat(passed.state()).isEqualTo(PoolState.READY);

        Snapshot after = snapshot(from, to, "PRE_CULTURE");
        IndicatorDelta d = new IndicatorDelta(before.table(), after.table());
        // the pool's 500 mL: the lab's sample taken to culture it named no volume
        int left = 500;
        assertThat(d.value("DISCARDED_VOLUME", "PRE_CULTURE")).isEqualByComparingTo(litres(left));
        assertThat(d.value("DISCARDED_UNITS", "PRE_CULTURE")).isEqualByComparingTo("1");
        assertThat(d.value("DISCARDED_UNITS", null)).isEqualByComparingTo("1");
        assertOnlyCause(d, "PRE_CULTURE");
        assertThat(d.numerator("PRE_CULTURE_POSITIVE_RATE", null)).isEqualByComparingTo("1");
        assertThat(d.denominator("PRE_CULTURE_POSITIVE_RATE", null)).isEqualByComparingTo("2");
        assertThat(added(before.units(), after.units())).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(IndicatorSource.UnitBehind.Kind.POOL);
            assertThat(u.label()).isEqualTo(Din.parse(pool[0].din()).withCheck());
            assertThat(u.link()).isEqualTo("/pools/" + pool[0].id());
            assertThat(u.amount()).isEqualByComparingTo(BigDecimal.valueOf(left));
        });
        assertThat(added(culturedBefore, all("PRE_CULTURE_POSITIVE_RATE", null, from, to)))
                .extracting(IndicatorSource.UnitBehind::label, u -> u.amount().intValue())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                Din.parse(pool[0].din()).withCheck(), 1),
                        org.assertj.core.groups.Tuple.tuple(
                                Din.parse(passed.din()).withCheck(), 0));
    }

    @Test
    void aContainerTooOldForTheStandardNowInForceIsHeldAndItsDiscardIsAnExpiry() {
        LocalDate to = today();
        LocalDate from = to.minusDays(10);
        // received under HMBANA (a year of raw frozen milk), twenty days after it was expressed
        DonationView donation = ProcessingFixtures.receivedDonation(context, 20, 300);
        UUID container = donation.containers().get(0).id();
        String din = Din.parse(donation.containers().get(0).din()).withCheck();
        Snapshot before = snapshot(from, to, "EXPIRY");

        // the bank moves to Brazil's standard (15 days): asked for the container to pool it, the gate holds it expired
        Staff.asSystem(() -> standards.activate("BRAZIL", "Brazilian rules"));
        assertThatThrownBy(() -> Staff.as(
                        "tech-recorder",
                        Role.LAB_TECHNICIAN,
                        () -> new TransactionTemplate(transactions)
                                .executeWithoutResult(t -> gate.require(container, GateUse.POOL, Instant.now(clock)))))
                .isInstanceOf(RuleViolation.class);
        assertThat(holds.activeOn(container)).extracting(h -> h.kind()).contains(HoldKind.EXPIRY);
        Staff.as("tech-recorder", Role.LAB_TECHNICIAN, () -> collection.discardContainer(din, "too old to pool"));

        Snapshot after = snapshot(from, to, "EXPIRY");
        IndicatorDelta d = new IndicatorDelta(before.table(), after.table());
        assertThat(d.value("DISCARDED_VOLUME", "EXPIRY")).isEqualByComparingTo("0.300");
        assertThat(d.value("DISCARDED_UNITS", "EXPIRY")).isEqualByComparingTo("1");
        assertThat(d.value("DISCARDED_VOLUME", null)).isEqualByComparingTo("0.300");
        assertOnlyCause(d, "EXPIRY");
        assertThat(added(before.units(), after.units())).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(IndicatorSource.UnitBehind.Kind.CONTAINER);
            assertThat(u.label()).isEqualTo(din);
            assertThat(u.amount()).isEqualByComparingTo("300");
        });
    }

    @Test
    void aBottleDiscardedAfterAFreezerExcursionIsAnExcursionDiscard() throws Exception {
        LocalDate to = today();
        LocalDate from = to.minusDays(10);
        String technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        String manager = Staff.create(identity, Role.MANAGER);
        List<BottleView> bottles = ProcessingFixtures.releasedBottles(context, 2, 100);
        UUID freezer = freezer();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
        stay(freezer, bottles.get(0).id(), now.minus(Duration.ofMinutes(300)));
        Snapshot before = snapshot(from, to, "EXCURSION");

        // the freezer at -4 °C: the milk inside must be discarded, which the manager decides once it is cold again
        reading(technician, freezer, now.minus(Duration.ofMinutes(30)), "-4");
        reading(technician, freezer, now.minus(Duration.ofMinutes(20)), "-19");
        UUID excursion = jdbc.sql("select id from storage_excursion where storage_unit_id = :su")
                .param("su", freezer)
                .query(UUID.class)
                .single();
        mvc.perform(post("/api/v1/storage/cold/excursions/" + excursion + "/decisions")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"DISCARDED\",\"reason\":\"freezer failed overnight\"}"))
                .andExpect(status().isOk());
        assertThat(inventory.find(bottles.get(0).id()).orElseThrow().state()).isEqualTo(BottleState.DISCARDED);

        Snapshot after = snapshot(from, to, "EXCURSION");
        IndicatorDelta d = new IndicatorDelta(before.table(), after.table());
        assertThat(d.value("DISCARDED_VOLUME", "EXCURSION")).isEqualByComparingTo("0.100");
        assertThat(d.value("DISCARDED_UNITS", "EXCURSION")).isEqualByComparingTo("1");
        assertOnlyCause(d, "EXCURSION");
        assertBottles(added(before.units(), after.units()), bottles.get(0));
        // the bottle that was never in that freezer stays in stock
        assertThat(inventory.find(bottles.get(1).id()).orElseThrow().state()).isEqualTo(BottleState.RELEASED);
    }

    @Test
    void milkOfADonorWhoseLaterSerologyIsPositiveIsADonorBlockDiscard() {
        LocalDate to = today();
        LocalDate from = to.minusDays(10);
        DispensingFixtures fixtures = new DispensingFixtures(context);
        DonorView donor = fixtures.eligibleDonor();
        var batch = fixtures.released(fixtures.containers(3, donor), 2);
        String coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        Snapshot before = snapshot(from, to, "DONOR_BLOCK");

        Staff.as(
                coordinator,
                Role.DONOR_COORDINATOR,
                () -> donors.recordSerology(
                        donor.id(),
                        standards.activeProfile().serologyPanel().get(0),
                        today().minusDays(1),
                        org.openmilkbank.donor.SerologyOutcome.POSITIVE,
                        "LATE-POS"));
        assertThat(holds.activeOn(batch.bottles().get(0).id()))
                .extracting(h -> h.kind())
                .contains(HoldKind.DONOR_BLOCK);
        Staff.as(
                "tech-recorder",
                Role.LAB_TECHNICIAN,
                () -> inventory.discardBottle(batch.bottles().get(0).din(), "donor's serology positive"));

        // she brings milk again the next day: refused at reception, a donor block there too
        DonationView[] late = new DonationView[1];
        Staff.asSystem(() -> late[0] = DonorFixtures.receive(collection, donor.id(), today().minusDays(1), 200));
        assertThat(late[0].rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.rejectReason())
                        .isIn(
                                org.openmilkbank.collection.RejectReason.DONOR_BLOCKED,
                                org.openmilkbank.collection.RejectReason.DONOR_NOT_ELIGIBLE));
        String refused = Din.parse(late[0].rejected().get(0).container().din()).withCheck();

        Snapshot after = snapshot(from, to, "DONOR_BLOCK");
        IndicatorDelta d = new IndicatorDelta(before.table(), after.table());
        assertThat(d.value("DISCARDED_VOLUME", "DONOR_BLOCK")).isEqualByComparingTo("0.300");
        assertThat(d.value("DISCARDED_UNITS", "DONOR_BLOCK")).isEqualByComparingTo("2");
        assertOnlyCause(d, "DONOR_BLOCK");
        assertThat(added(before.units(), after.units()))
                .extracting(
                        IndicatorSource.UnitBehind::kind,
                        IndicatorSource.UnitBehind::label,
                        u -> u.amount().intValue())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                IndicatorSource.UnitBehind.Kind.BOTTLE,
                                Din.parse(batch.bottles().get(0).din()).withCheck(),
                                100),
                        org.assertj.core.groups.Tuple.tuple(IndicatorSource.UnitBehind.Kind.CONTAINER, refused, 200));
        // what she brought counts as received all the same
        assertThat(d.value("VOLUME_RECEIVED", null)).isEqualByComparingTo("0.200");
        // the bottle still held is no stock on hand
        assertThat(d.value("STOCK_ON_HAND", null)).isEqualByComparingTo("-0.200");
    }

    @Test
    void aRecalledBottleDiscardedIsARecallDiscard() {
        LocalDate to = today();
        LocalDate from = to.minusDays(10);
        List<BottleView> bottles = ProcessingFixtures.releasedBottles(context, 2, 100);
        Snapshot before = snapshot(from, to, "RECALL");

        Staff.as(
                "manager-recall",
                Role.MANAGER,
                () -> recalls.open(RecallSource.unit(bottles.get(0).din()), "a parent reported a smell"));
        Staff.as(
                "tech-recorder",
                Role.LAB_TECHNICIAN,
                () -> inventory.discardBottle(bottles.get(0).din(), "recalled"));

        Snapshot after = snapshot(from, to, "RECALL");
        IndicatorDelta d = new IndicatorDelta(before.table(), after.table());
        assertThat(d.value("DISCARDED_VOLUME", "RECALL")).isEqualByComparingTo("0.100");
        assertThat(d.value("DISCARDED_UNITS", "RECALL")).isEqualByComparingTo("1");
        assertOnlyCause(d, "RECALL");
        assertBottles(added(before.units(), after.units()), bottles.get(0));
    }

    @Test
    void theMeanEnergyAndProteinAreThoseOfTheAnalysedPoolsOnly() {
        LocalDate to = today();
        LocalDate from = to.minusDays(10);
        String tech = Staff.create(identity, Role.LAB_TECHNICIAN);
        IndicatorTable before = indicators.compute(from, to);
        List<IndicatorSource.UnitBehind> energyBefore = all("MEAN_ENERGY", null, from, to);
        List<IndicatorSource.UnitBehind> proteinBefore = all("MEAN_PROTEIN", null, from, to);

        PoolView lean = ProcessingFixtures.readyPool(context, tech, 300);
        PoolView rich = ProcessingFixtures.readyPool(context, tech, 300);
        PoolView unmeasured = ProcessingFixtures.readyPool(context, tech, 300);
        // 290 kJ/dL is 69.3 kcal/dL (693 kcal/L); 330 kJ/dL is 78.9 kcal/dL (789 kcal/L)
        AnalyserFixtures.importedFile(context, Din.parse(lean.din()).withCheck(), "290", "1.05");
        AnalyserFixtures.importedFile(context, Din.parse(rich.din()).withCheck(), "330", "1.45");

        IndicatorDelta d = new IndicatorDelta(before, indicators.compute(from, to));
        assertThat(d.value("POOLS", null)).isEqualByComparingTo("3");
        assertThat(d.numerator("MEAN_ENERGY", null)).isEqualByComparingTo("1482");
        assertThat(d.denominator("MEAN_ENERGY", null)).isEqualByComparingTo("2");
        assertThat(d.numerator("MEAN_PROTEIN", null)).isEqualByComparingTo("2.50");
        assertThat(d.denominator("MEAN_PROTEIN", null)).isEqualByComparingTo("2");
        String leanDin = Din.parse(lean.din()).withCheck();
        String richDin = Din.parse(rich.din()).withCheck();
        assertThat(added(energyBefore, all("MEAN_ENERGY", null, from, to)))
                .extracting(IndicatorSource.UnitBehind::label, u -> u.amount().stripTrailingZeros())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(leanDin, new BigDecimal("693")),
                        org.assertj.core.groups.Tuple.tuple(richDin, new BigDecimal("789")));
        assertThat(added(proteinBefore, all("MEAN_PROTEIN", null, from, to)))
                .extracting(IndicatorSource.UnitBehind::label, u -> u.amount().stripTrailingZeros())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(leanDin, new BigDecimal("1.05")),
                        org.assertj.core.groups.Tuple.tuple(richDin, new BigDecimal("1.45")));
        assertThat(unmeasured.id()).isNotIn(lean.id(), rich.id());
    }

    @Test
    void stockOnHandCountsABottleTheWardReturnedUnusedAndTheDaysOfSupplyItsDayOfDispensing() {
        // one day: its mean daily volume dispensed is that day's, so what this test adds is exact
        LocalDate to = today();
        LocalDate from = to;
        DispensingFixtures fixtures = new DispensingFixtures(context);
        String dispenser = Staff.create(identity, Role.DISPENSER);
        IndicatorTable before = indicators.compute(from, to);
        List<IndicatorSource.UnitBehind> stockBefore = all("STOCK_ON_HAND", null, from, to);
        List<IndicatorSource.UnitBehind> dispensedBefore = all("VOLUME_DISPENSED", null, from, to);
        List<IndicatorSource.UnitBehind> recipientsBefore = all("RECIPIENTS", null, from, to);

        // three bottles released into stock
        var shelf = fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 3);
        // an order of two bottles dispatched to the ward; one comes back unopened and frozen, into stock again
        InfantView infant = fixtures.infantWithConsent();
        var ordered = fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 2);
        UUID orderId = fixtures.order(infant);
        List<String> dins = ordered.bottles().stream()
                .map(b -> Din.parse(b.din()).withCheck())
                .toList();
        Staff.as(dispenser, Role.DISPENSER, () -> {
            allocation.accept(orderId, dins, "this test's own bottles");
            dispatch.dispatch(orderId);
            returns.takeBack(
                    orderId,
                    new OrderReturns.ReturnRequest(
                            List.of(dins.get(1)), ReturnReason.DISCHARGED, null, new BigDecimal("-22")));
        });
        BottleView kept = ordered.bottles().get(0);
        BottleView back = ordered.bottles().get(1);
        assertThat(inventory.find(back.id()).orElseThrow().state()).isEqualTo(BottleState.RELEASED);

        IndicatorTable after = indicators.compute(from, to);
        IndicatorDelta d = new IndicatorDelta(before, after);
        assertThat(d.value("VOLUME_DISPENSED", null)).isEqualByComparingTo("0.100");
        assertThat(d.value("VOLUME_DISPENSED", "NICU")).isEqualByComparingTo("0.100");
        assertThat(d.value("RECIPIENTS", null)).isEqualByComparingTo("1");
        assertThat(d.value("STOCK_ON_HAND", null)).isEqualByComparingTo("0.400");
        assertThat(d.numerator("DAYS_OF_SUPPLY", null)).isEqualByComparingTo("0.400");
        assertThat(d.denominator("DAYS_OF_SUPPLY", null)).isEqualByComparingTo("0.100");
        IndicatorValue days = after.find("DAYS_OF_SUPPLY", null).orElseThrow();
        assertThat(days.numerator()).isEqualByComparingTo(after.total("STOCK_ON_HAND"));
        assertThat(days.denominator()).isEqualByComparingTo(after.total("VOLUME_DISPENSED"));
        assertThat(days.value())
                .isEqualByComparingTo(days.numerator().divide(days.denominator(), 1, java.math.RoundingMode.HALF_UP));

        List<BottleView> onHand = new ArrayList<>(shelf.bottles());
        onHand.add(back);
        assertBottles(added(stockBefore, all("STOCK_ON_HAND", null, from, to)), onHand.toArray(BottleView[]::new));
        assertBottles(added(dispensedBefore, all("VOLUME_DISPENSED", null, from, to)), kept);
        assertThat(added(recipientsBefore, all("RECIPIENTS", null, from, to)))
                .extracting(IndicatorSource.UnitBehind::link)
                .containsExactly("/infants/" + infant.id());
    }

    @Test
    void everyFeedTheBedsideCheckStoppedIsANearMissUnderEachOfItsReasons() {
        LocalDate to = today();
        LocalDate from = to.minusDays(10);
        DispensingFixtures fixtures = new DispensingFixtures(context);
        var batch = fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 2);
        InfantView meantFor = fixtures.infantWithConsent();
        InfantView other = fixtures.infantWithConsent();
        fixtures.dispense(meantFor, batch.bottles().get(0));
        IndicatorTable before = indicators.compute(from, to);
        List<IndicatorSource.UnitBehind> unitsBefore = all("NEAR_MISSES", null, from, to);

        List<BedsideCheck> checks = new ArrayList<>();
        Staff.as("nurse-fixture", Role.NURSE, () -> {
            // the bottle dispensed for one infant scanned at the other's cot
            checks.add(bedside.check(other.infantCode(), batch.bottles().get(0).din()));
            // a bottle still on the bank's shelf scanned at a cot
            checks.add(
                    bedside.check(meantFor.infantCode(), batch.bottles().get(1).din()));
        });
        assertThat(checks.get(0).refusals()).contains(BedsideRefusal.WRONG_BABY);
        assertThat(checks.get(1).refusals()).contains(BedsideRefusal.NOT_ISSUED);

        IndicatorDelta d = new IndicatorDelta(before, indicators.compute(from, to));
        assertThat(d.value("NEAR_MISSES", null)).isEqualByComparingTo("2");
        for (BedsideRefusal reason : BedsideRefusal.values()) {
            long times =
                    checks.stream().filter(c -> c.refusals().contains(reason)).count();
            assertThat(d.value("NEAR_MISSES", reason.name()))
                    .as(reason.name())
                    .isEqualByComparingTo(BigDecimal.valueOf(times));
        }
        assertThat(added(unitsBefore, all("NEAR_MISSES", null, from, to)))
                .hasSize(2)
                .allSatisfy(u -> {
                    assertThat(u.kind()).isEqualTo(IndicatorSource.UnitBehind.Kind.NEAR_MISS);
                    assertThat(u.amount()).isEqualByComparingTo("1");
                    assertThat(u.link()).isEqualTo("/ward/near-misses?from=" + to + "&to=" + to);
                })
                .extracting(IndicatorSource.UnitBehind::label)
                .containsExactlyInAnyOrder(
                        Din.parse(batch.bottles().get(0).din()).withCheck(),
                        Din.parse(batch.bottles().get(1).din()).withCheck());
        List<IndicatorSource.UnitBehind> wrongBaby = all("NEAR_MISSES", "WRONG_BABY", from, to);
        assertThat(wrongBaby)
                .extracting(IndicatorSource.UnitBehind::label)
                .contains(Din.parse(batch.bottles().get(0).din()).withCheck());
    }

    // --- helpers ---

    /** The table and the discards' units of one cause, as they stand. */
    private record Snapshot(IndicatorTable table, List<IndicatorSource.UnitBehind> units) {}

    private Snapshot snapshot(LocalDate from, LocalDate to, String cause) {
        return new Snapshot(indicators.compute(from, to), all("DISCARDED_VOLUME", cause, from, to));
    }

    /** The other causes got nothing from this test. */
    private static void assertOnlyCause(IndicatorDelta d, String cause) {
        for (String other : Indicators.DISCARD_CAUSES) {
            if (!other.equals(cause)) {
                assertThat(d.value("DISCARDED_UNITS", other)).as(other).isEqualByComparingTo("0");
                assertThat(d.value("DISCARDED_VOLUME", other)).as(other).isEqualByComparingTo("0");
            }
        }
    }

    private static void assertBottles(List<IndicatorSource.UnitBehind> units, BottleView... bottles) {
        assertThat(units)
                .allSatisfy(u -> {
                    assertThat(u.kind()).isEqualTo(IndicatorSource.UnitBehind.Kind.BOTTLE);
                    assertThat(u.amount()).isEqualByComparingTo("100");
                })
                .extracting(IndicatorSource.UnitBehind::link)
                .containsExactlyInAnyOrderElementsOf(List.of(bottles).stream()
                        .map(b -> "/bottles/" + Din.parse(b.din()).value())
                        .toList());
    }

    /** The units in {@code after} that {@code before} did not have (each counted as often as it appears). */
    private static List<IndicatorSource.UnitBehind> added(
            List<IndicatorSource.UnitBehind> before, List<IndicatorSource.UnitBehind> after) {
        List<IndicatorSource.UnitBehind> left = new ArrayList<>(after);
        for (IndicatorSource.UnitBehind u : before) {
            left.remove(u);
        }
        return left;
    }

    private UUID freezer() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into storage_place (id, level, code, name, unit_type, purpose, created_at, created_by)
                        values (:id, 'UNIT', :code, 'Indicator test freezer', 'FREEZER', 'RELEASED', now(), 'test')
                        """)
                .param("id", id)
                .param("code", "FRE-" + id.toString().substring(0, 8))
                .update();
        return id;
    }

    private void stay(UUID storageUnit, UUID unit, Instant placed) {
        jdbc.sql("""
                        insert into storage_placement (id, unit_id, place_id, storage_unit_id, placed_at, placed_by)
                        values (:id, :unit, :su, :su, :placed, 'test')
                        """)
                .param("id", UUID.randomUUID())
                .param("unit", unit)
                .param("su", storageUnit)
                .param("placed", Timestamp.from(placed))
                .update();
    }

    private void reading(String technician, UUID freezer, Instant at, String celsius) throws Exception {
        mvc.perform(post("/api/v1/storage/cold/units/" + freezer + "/readings")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentC\":" + celsius + ",\"readAt\":\""
                                + LocalDateTime.ofInstant(at, clock.getZone()) + "\"}"))
                .andExpect(status().isCreated());
    }

    private static BigDecimal litres(int ml) {
        return BigDecimal.valueOf(ml).divide(BigDecimal.valueOf(1000), 3, java.math.RoundingMode.HALF_UP);
    }

    private List<IndicatorSource.UnitBehind> all(String code, String breakdown, LocalDate from, LocalDate to) {
        List<IndicatorSource.UnitBehind> units = new ArrayList<>();
        Paged<IndicatorSource.UnitBehind> page;
        int n = 1;
        do {
            page = indicators.unitsBehind(code, breakdown, from, to, new PageRequest(n++, 100));
            units.addAll(page.items());
        } while (page.hasNext());
        assertThat((long) units.size()).isEqualTo(page.total());
        return units;
    }
}
