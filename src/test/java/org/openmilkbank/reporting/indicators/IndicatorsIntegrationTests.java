package org.openmilkbank.reporting.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.NewInfant;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.openmilkbank.ward.Bedside;
import org.openmilkbank.ward.BedsideCheck;
import org.openmilkbank.ward.BedsideRefusal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A small bank built through the modules' own APIs, with every indicator's answer known. The database is shared
 * with other tests, so each number is measured as what this bank added to the period's table.
 */
@IntegrationTest
class IndicatorsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    IndicatorSource indicators;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    PoolManagement pools;

    @Autowired
    Inventory inventory;

    @Autowired
    DispensingManagement dispensing;

    @Autowired
    Bedside bedside;

    @Autowired
    Clock clock;

    @Test
    void aSmallBankGivesEveryIndicatorItsKnownAnswer() {
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(10);
        IndicatorTable before = indicators.compute(from, to);

        DispensingFixtures fixtures = new DispensingFixtures(context);
        var d1 = fixtures.eligibleDonor();
        var d2 = fixtures.eligibleDonor();
        var d3 = fixtures.eligibleDonor();
        var d4 = fixtures.eligibleDonor();
        // four new donors bring 500 mL each
        List<RawContainerView> first = fixtures.containers(3, d1, d2);
        List<RawContainerView> second = fixtures.containers(3, d3);
        List<RawContainerView> third = fixtures.containers(3, d4);
        // a fifth donor brings a thawed container (a broken cold chain) and one too old to take: both rejected
        var d5 = fixtures.eligibleDonor();
        int tooOld = context.getBean(org.openmilkbank.standards.Standards.class)
                        .activeProfile()
                        .rawMaxAgeDays()
                + 1;
        var rejected = new org.openmilkbank.collection.DonationView[1];
        Staff.asSystem(() -> rejected[0] = context.getBean(org.openmilkbank.collection.CollectionManagement.class)
                .receive(
                        d5.id(),
                        null,
                        List.of(
                                new org.openmilkbank.collection.ContainerIntake(
                                        300,
                                        null,
                                        LocalDate.now(clock).minusDays(1),
                                        null,
                                        org.openmilkbank.collection.ContainerCondition.THAWED,
                                        null),
                                new org.openmilkbank.collection.ContainerIntake(
                                        200, LocalDate.now(clock).minusDays(tooOld))),
                        null,
                        java.time.Instant.now(clock).minusSeconds(3600)));
        assertThat(rejected[0].rejected()).hasSize(2);

        // a pool of 1,000 mL bottled into six bottles of 100 mL, cultured negative and released
        var released = fixtures.released(first, 6);
        // a pool bottled into three, whose culture after pasteurisation grows: its bottles are discarded
        var contaminated = fixtures.quarantined(second, 3);
        Staff.as(
                "tech-recorder",
                Role.LAB_TECHNICIAN,
                () -> runs.recordPostCulture(
                        contaminated.run().id(),
                        50_000,
                        "Bacillus cereus",
                        contaminated.run().endedAt().plusSeconds(60)));
        // a run too cold to pass: a failed cycle, and its pool is then discarded
        var failed = new DispensingFixtures(context)
                .on("PAST-1", new BigDecimal("60.0"))
                .quarantined(third, 3);
        assertThat(failed.run().passed()).isFalse();
        Staff.as(
                "tech-recorder",
                Role.LAB_TECHNICIAN,
                () -> pools.discard(failed.pool().id(), "the run failed; not worth pasteurising again"));

        // two infants: one in the NICU (29 weeks), one at home (38 weeks)
        InfantView nicu = fixtures.infantWithConsent();
        InfantView home = outpatient();
        List<BottleView> bottles = released.bottles();
        fixtures.dispense(nicu, bottles.get(0));
        fixtures.dispense(nicu, bottles.get(1));
        fixtures.dispense(home, bottles.get(2));
        // one bottle discarded by staff, with no hold on it: another cause
        Staff.as(
                "tech-recorder",
                Role.LAB_TECHNICIAN,
                () -> inventory.discardBottle(bottles.get(3).din(), "dropped on the floor"));
        // the NICU infant's bottle scanned at the other infant's cot: a near miss
        BedsideCheck[] check = new BedsideCheck[1];
        Staff.as(
                "nurse-fixture",
                Role.NURSE,
                () -> check[0] = bedside.check(home.infantCode(), bottles.get(0).din()));
        assertThat(check[0].refusals()).contains(BedsideRefusal.WRONG_BABY);

        IndicatorTable after = indicators.compute(from, to);
        IndicatorDelta d = new IndicatorDelta(before, after);

        // every container that arrived counts as received, the two rejected too
        assertThat(d.value("VOLUME_RECEIVED", null)).isEqualByComparingTo("2.500");
        assertThat(d.value("DONORS_ACTIVE", null)).isEqualByComparingTo("5");
        assertThat(d.value("DONORS_NEW", null)).isEqualByComparingTo("5");
        assertThat(d.numerator("VOLUME_PER_DONOR", null)).isEqualByComparingTo("2.500");
        assertThat(d.denominator("VOLUME_PER_DONOR", null)).isEqualByComparingTo("5");
        // 600 mL of the released pool and 300 mL of the contaminated one: both cycles passed
        assertThat(d.value("VOLUME_PASTEURISED", null)).isEqualByComparingTo("0.900");
        assertThat(d.value("VOLUME_DISPENSED", null)).isEqualByComparingTo("0.300");
        assertThat(d.value("VOLUME_DISPENSED", "NICU")).isEqualByComparingTo("0.200");
        assertThat(d.value("VOLUME_DISPENSED", "OUTPATIENT")).isEqualByComparingTo("0.100");
        assertThat(d.value("RECIPIENTS", null)).isEqualByComparingTo("2");
        assertThat(d.value("RECIPIENTS", "GA_LT_28")).isEqualByComparingTo("0");
        assertThat(d.value("RECIPIENTS", "GA_28_31")).isEqualByComparingTo("1");
        assertThat(d.value("RECIPIENTS", "GA_32_36")).isEqualByComparingTo("0");
        assertThat(d.value("RECIPIENTS", "GA_GE_37")).isEqualByComparingTo("1");
        assertThat(d.value("POOLS", null)).isEqualByComparingTo("3");
        assertThat(d.value("RUNS", null)).isEqualByComparingTo("3");
        assertThat(d.value("FAILED_CYCLES", null)).isEqualByComparingTo("1");

        // discards: three contaminated bottles, the failed run's pool of 500 mL, the dropped bottle, and at reception
        // the thawed container (cold chain) and the one too old (another cause)
        assertThat(d.value("DISCARDED_VOLUME", null)).isEqualByComparingTo("1.400");
        assertThat(d.value("DISCARDED_UNITS", null)).isEqualByComparingTo("7");
        assertThat(d.value("DISCARDED_VOLUME", "COLD_CHAIN")).isEqualByComparingTo("0.300");
        assertThat(d.value("DISCARDED_UNITS", "COLD_CHAIN")).isEqualByComparingTo("1");
        assertThat(d.value("DISCARDED_VOLUME", "POST_CULTURE")).isEqualByComparingTo("0.300");
        assertThat(d.value("DISCARDED_UNITS", "POST_CULTURE")).isEqualByComparingTo("3");
        assertThat(d.value("DISCARDED_VOLUME", "FAILED_CYCLE")).isEqualByComparingTo("0.500");
        assertThat(d.value("DISCARDED_UNITS", "FAILED_CYCLE")).isEqualByComparingTo("1");
        assertThat(d.value("DISCARDED_VOLUME", "OTHER")).isEqualByComparingTo("0.300");
        assertThat(d.value("DISCARDED_UNITS", "OTHER")).isEqualByComparingTo("2");
        for (String cause :
                List.of("SENSORY", "DORNIC", "PRE_CULTURE", "EXPIRY", "EXCURSION", "DONOR_BLOCK", "RECALL")) {
            assertThat(d.value("DISCARDED_VOLUME", cause)).as(cause).isEqualByComparingTo("0");
            assertThat(d.value("DISCARDED_UNITS", cause)).as(cause).isEqualByComparingTo("0");
        }

        // two runs cultured after pasteurisation, one positive; no pool was cultured before (the standard asks none)
        assertThat(d.numerator("POST_CULTURE_POSITIVE_RATE", null)).isEqualByComparingTo("1");
        assertThat(d.denominator("POST_CULTURE_POSITIVE_RATE", null)).isEqualByComparingTo("2");
        assertThat(d.numerator("PRE_CULTURE_POSITIVE_RATE", null)).isEqualByComparingTo("0");
        assertThat(d.denominator("PRE_CULTURE_POSITIVE_RATE", null)).isEqualByComparingTo("0");
        // no pool of this bank was measured
        assertThat(d.denominator("MEAN_ENERGY", null)).isEqualByComparingTo("0");
        assertThat(d.denominator("MEAN_PROTEIN", null)).isEqualByComparingTo("0");

        // of six released bottles, three were dispensed and one discarded: two are on hand tonight
        assertThat(d.value("STOCK_ON_HAND", null)).isEqualByComparingTo("0.200");
        IndicatorValue days = after.find("DAYS_OF_SUPPLY", null).orElseThrow();
        assertThat(days.numerator()).isEqualByComparingTo(after.total("STOCK_ON_HAND"));
        assertThat(days.denominator())
                .isEqualByComparingTo(after.total("VOLUME_DISPENSED")
                        .divide(BigDecimal.valueOf(11), 3, java.math.RoundingMode.HALF_UP));
        assertThat(days.value())
                .isEqualByComparingTo(days.numerator().divide(days.denominator(), 1, java.math.RoundingMode.HALF_UP));

        assertThat(d.value("NEAR_MISSES", null)).isEqualByComparingTo("1");
        for (BedsideRefusal reason : BedsideRefusal.values()) {
            assertThat(d.value("NEAR_MISSES", reason.name()))
                    .as(reason.name())
                    .isEqualByComparingTo(check[0].refusals().contains(reason) ? "1" : "0");
        }

        // the units behind a number add up to it, and show this bank's units with their pages
        List<IndicatorSource.UnitBehind> contaminatedBottles = all("DISCARDED_VOLUME", "POST_CULTURE", from, to);
        assertThat(sum(contaminatedBottles))
                .isEqualByComparingTo(after.find("DISCARDED_VOLUME", "POST_CULTURE")
                        .orElseThrow()
                        .value()
                        .multiply(BigDecimal.valueOf(1000)));
        for (BottleView b : contaminated.bottles()) {
            String din = org.openmilkbank.shared.Din.parse(b.din()).withCheck();
            assertThat(contaminatedBottles)
                    .filteredOn(u -> u.label().equals(din))
                    .singleElement()
                    .satisfies(u -> {
                        assertThat(u.kind()).isEqualTo(IndicatorSource.UnitBehind.Kind.BOTTLE);
                        assertThat(u.amount()).isEqualByComparingTo("100");
                        assertThat(u.link()).isEqualTo("/bottles/" + b.din());
                    });
        }
        List<IndicatorSource.UnitBehind> failedPools = all("DISCARDED_UNITS", "FAILED_CYCLE", from, to);
        assertThat(failedPools)
                .extracting(IndicatorSource.UnitBehind::link)
                .contains("/pools/" + failed.pool().id());
        assertThat(BigDecimal.valueOf(all("DISCARDED_UNITS", null, from, to).size()))
                .isEqualByComparingTo(after.total("DISCARDED_UNITS"));
        List<IndicatorSource.UnitBehind> recipients = all("RECIPIENTS", "GA_GE_37", from, to);
        assertThat(recipients).extracting(IndicatorSource.UnitBehind::link).contains("/infants/" + home.id());
        assertThat(BigDecimal.valueOf(recipients.size()))
                .isEqualByComparingTo(
                        after.find("RECIPIENTS", "GA_GE_37").orElseThrow().value());
        List<IndicatorSource.UnitBehind> newDonors = all("DONORS_NEW", null, from, to);
        assertThat(newDonors)
                .extracting(IndicatorSource.UnitBehind::link)
                .contains("/donors/" + d1.id(), "/donors/" + d4.id(), "/donors/" + d5.id());
        List<IndicatorSource.UnitBehind> coldChain = all("DISCARDED_VOLUME", "COLD_CHAIN", from, to);
        String thawed = org.openmilkbank.shared.Din.parse(rejected[0].rejected().stream()
                        .filter(r -> r.rejectReason() == org.openmilkbank.collection.RejectReason.THAWED)
                        .findFirst()
                        .orElseThrow()
                        .container()
                        .din())
                .withCheck();
        assertThat(coldChain)
                .filteredOn(u -> u.label().equals(thawed))
                .singleElement()
                .satisfies(u -> {
                    assertThat(u.kind()).isEqualTo(IndicatorSource.UnitBehind.Kind.CONTAINER);
                    assertThat(u.amount()).isEqualByComparingTo("300");
                    assertThat(u.link()).startsWith("/containers/");
                });
        assertThat(sum(all("STOCK_ON_HAND", null, from, to)))
                .isEqualByComparingTo(after.total("STOCK_ON_HAND").multiply(BigDecimal.valueOf(1000)));
        // a rate's units are its denominator's, each adding what it gives the numerator
        List<IndicatorSource.UnitBehind> cultured = all("POST_CULTURE_POSITIVE_RATE", null, from, to);
        assertThat(BigDecimal.valueOf(cultured.size()))
                .isEqualByComparingTo(after.find("POST_CULTURE_POSITIVE_RATE", null)
                        .orElseThrow()
                        .denominator());
        assertThat(sum(cultured))
                .isEqualByComparingTo(after.find("POST_CULTURE_POSITIVE_RATE", null)
                        .orElseThrow()
                        .numerator());

        // the months hold the same numbers as the period made of them
        List<IndicatorTable> months = indicators.byMonth(YearMonth.from(to).minusMonths(1), YearMonth.from(to));
        assertThat(months).hasSize(2);
        IndicatorTable whole =
                indicators.compute(YearMonth.from(to).minusMonths(1).atDay(1), to);
        assertThat(months.get(0).total("VOLUME_RECEIVED").add(months.get(1).total("VOLUME_RECEIVED")))
                .isEqualByComparingTo(whole.total("VOLUME_RECEIVED"));
        assertThat(months.get(1).total("STOCK_ON_HAND")).isGreaterThanOrEqualTo(new BigDecimal("0.200"));
    }

    @org.junit.jupiter.api.AfterEach
    void backToHmbana() {
        var standards = context.getBean(org.openmilkbank.standards.Standards.class);
        if (!standards.activeProfile().code().equals("HMBANA")) {
            Staff.asSystem(() -> standards.activate("HMBANA", "test done"));
        }
    }

    @Test
    void theLabsRawMilkChecksDiscardBySensoryOrByDornic() {
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(10);
        var donation = org.openmilkbank.support.ProcessingFixtures.receivedDonation(context, 2, 300, 200);
        var standards = context.getBean(org.openmilkbank.standards.Standards.class);
        Staff.asSystem(() -> standards.activate("BRAZIL", "Brazilian raw milk checks"));
        IndicatorTable before = indicators.compute(from, to);
        var quality = context.getBean(org.openmilkbank.lab.quality.QualityManagement.class);
        String greenish = org.openmilkbank.shared.Din.parse(
                        donation.containers().get(0).din())
                .withCheck();
        String sour = org.openmilkbank.shared.Din.parse(
                        donation.containers().get(1).din())
                .withCheck();
        Staff.as(
                "tech-recorder",
                Role.LAB_TECHNICIAN,
                () -> quality.recordSensory(
                        greenish,
                        new org.openmilkbank.lab.quality.SensoryForm(true, true, false, true, "greenish", null)));
        Staff.as(
                "tech-recorder",
                Role.LAB_TECHNICIAN,
                () -> quality.recordDornic(
                        sour,
                        new org.openmilkbank.lab.quality.DornicForm(
                                new BigDecimal("0.08"), new BigDecimal("0.08"), new BigDecimal("0.08"), null)));
        IndicatorDelta d = new IndicatorDelta(before, indicators.compute(from, to));
        assertThat(d.value("DISCARDED_VOLUME", "SENSORY")).isEqualByComparingTo("0.300");
        assertThat(d.value("DISCARDED_UNITS", "SENSORY")).isEqualByComparingTo("1");
        assertThat(d.value("DISCARDED_VOLUME", "DORNIC")).isEqualByComparingTo("0.200");
        assertThat(d.value("DISCARDED_UNITS", "DORNIC")).isEqualByComparingTo("1");
        assertThat(d.value("DISCARDED_VOLUME", null)).isEqualByComparingTo("0.500");
        assertThat(all("DISCARDED_UNITS", "DORNIC", from, to))
                .extracting(IndicatorSource.UnitBehind::label)
                .contains(sour)
                .doesNotContain(greenish);
    }

    @Test
    void everyIndicatorHasItsTotalAndEachBreakdownInEveryTable() {
        LocalDate to = LocalDate.now(clock);
        IndicatorTable table = indicators.compute(to.minusDays(30), to);
        for (IndicatorDefinition def : indicators.dictionary()) {
            assertThat(table.find(def.code(), null)).as(def.code()).isPresent();
            for (String b : def.breakdowns()) {
                assertThat(table.find(def.code(), b)).as(def.code() + " " + b).isPresent();
            }
        }
        assertThat(table.values())
                .hasSize(indicators.dictionary().stream()
                        .mapToInt(def -> 1 + def.breakdowns().size())
                        .sum());
    }

    @Test
    void theNearMissBreakdownsAreTheBedsideChecksReasons() {
        assertThat(Indicators.NEAR_MISS_REASONS)
                .containsExactly(java.util.Arrays.stream(BedsideRefusal.values())
                        .map(Enum::name)
                        .toArray(String[]::new));
    }

    private InfantView outpatient() {
        InfantView[] infant = new InfantView[1];
        LocalDate today = LocalDate.now(clock);
        Staff.as(
                "nurse-fixture",
                Role.NURSE,
                () -> infant[0] = dispensing.registerInfant(new NewInfant(
                        "HN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                        "Home",
                        null,
                        today.minusDays(20),
                        38,
                        2,
                        3100,
                        "Outpatient",
                        true,
                        today.minusDays(19))));
        return infant[0];
    }

    private List<IndicatorSource.UnitBehind> all(String code, String breakdown, LocalDate from, LocalDate to) {
        List<IndicatorSource.UnitBehind> units = new ArrayList<>();
        Paged<IndicatorSource.UnitBehind> page;
        int n = 1;
        do {
            page = indicators.unitsBehind(code, breakdown, from, to, new PageRequest(n++, 50));
            units.addAll(page.items());
        } while (page.hasNext());
        assertThat((long) units.size()).isEqualTo(page.total());
        return units;
    }

    private static BigDecimal sum(List<IndicatorSource.UnitBehind> units) {
        return units.stream().map(IndicatorSource.UnitBehind::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
