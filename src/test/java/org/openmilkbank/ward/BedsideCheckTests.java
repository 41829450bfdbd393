package org.openmilkbank.ward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.ThawMethod;
import org.openmilkbank.inventory.Thawing;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.BankProfiles;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.openmilkbank.support.TestClock;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.Lineage;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.RecallSource;
import org.openmilkbank.traceability.Recalls;
import org.openmilkbank.traceability.Traceability;
import org.openmilkbank.ward.WardPreparations.Syringe;
import org.openmilkbank.ward.WardPreparations.WardThaw;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A nurse thaws a dispensed bottle, divides it for two infants and feeds at the bedside; every refusal blocks the
 * feed and leaves a near miss with its reason, ward, nurse and time. The bank's clock is moved past thaw clocks.
 */
@IntegrationTest
@Import(TestClock.Configuration.class)
// a context of its own: the bank's clock runs ahead here
@TestPropertySource(properties = "openmilkbank.test.context=ward-bedside")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BedsideCheckTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    WardPreparations preparations;

    @Autowired
    Bedside bedside;

    @Autowired
    Holds holds;

    @Autowired
    Recalls recalls;

    @Autowired
    Traceability traceability;

    @Autowired
    TestClock clock;

    @Autowired
    Thawing thawing;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Standards standards;

    @Autowired
    BankProfiles bankProfiles;

    DispensingFixtures fixtures;
    String nurse;

    @BeforeEach
    void setUp() {
        fixtures = new DispensingFixtures(context);
        nurse = Staff.create(identity, Role.NURSE);
    }

    <T> T asNurse(Supplier<T> action) {
        Object[] result = new Object[1];
        Staff.as(nurse, Role.NURSE, () -> result[0] = action.get());
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    /** Released bottles of 100 mL, the first dispensed to the infant. */
    BottleView dispensedTo(InfantView infant) {
        var batch = fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 2);
        BottleView bottle = batch.bottles().get(0);
        fixtures.dispense(infant, bottle);
        return bottle;
    }

    BottleView thawedFor(InfantView infant) {
        BottleView bottle = dispensedTo(infant);
        asNurse(() -> preparations.thaw(bottle.din(), WardThaw.FRIDGE));
        return bottle;
    }

    record NearMiss(String ward, String nurse, UUID infantId, UUID unitId, List<String> reasons) {}

    NearMiss nearMiss(UUID id) {
        return jdbc.sql("select ward, nurse, infant_id, unit_id, reasons from ward_near_miss where id = :id")
                .param("id", id)
                .query((rs, n) -> new NearMiss(
                        rs.getString("ward"),
                        rs.getString("nurse"),
                        rs.getObject("infant_id", UUID.class),
                        rs.getObject("unit_id", UUID.class),
                        List.of((String[]) rs.getArray("reasons").getArray())))
                .single();
    }

    long feedsOf(UUID unitId) {
        return jdbc.sql("select count(*) from ward_feed where unit_id = :id")
                .param("id", unitId)
                .query(Long.class)
                .single();
    }

    /** Feeds and checks that the refusal blocked the feed and left its near miss. */
    BedsideCheck refusedFeed(InfantView infant, String milkCode, UUID unitId, BedsideRefusal expected) {
        long feedsBefore = feedsOf(unitId);
        BedsideCheck check = asNurse(() -> bedside.feed(Bedside.FeedRequest.of(infant.infantCode(), milkCode, 10)));
        assertThat(check.passed()).isFalse();
        assertThat(check.refusals()).contains(expected);
        assertThat(check.feedId()).isNull();
        assertThat(feedsOf(unitId)).isEqualTo(feedsBefore);
        NearMiss recorded = nearMiss(check.nearMissId());
        assertThat(recorded.reasons()).contains(expected.name());
        assertThat(recorded.nurse()).isEqualTo(nurse);
        assertThat(recorded.ward()).isEqualTo(infant.ward());
        assertThat(recorded.infantId()).isEqualTo(infant.id());
        assertThat(recorded.unitId()).isEqualTo(unitId);
        return check;
    }

    @Test
    void dividesAThawedBottleForTwoInfantsAndFeedsTheRightOne() {
        InfantView first = fixtures.orderedInfant();
        InfantView second = fixtures.orderedInfant();
        BottleView bottle = thawedFor(first);

        PreparationView prepared = asNurse(() -> preparations.prepare(
                bottle.din(),
                List.of(new Syringe(first.infantCode(), 30), new Syringe(second.infantCode(), 45)),
                "not needed today"));

        assertThat(prepared.remainderMl()).isEqualTo(25);
        assertThat(prepared.aliquots()).extracting(AliquotView::division).containsExactly("A0", "B0");
        assertThat(prepared.aliquots()).extracting(AliquotView::volumeMl).containsExactly(30, 45);
        AliquotView forFirst = prepared.aliquots().get(0);
        AliquotView forSecond = prepared.aliquots().get(1);
        assertThat(forFirst.expiresAt())
                .isEqualTo(asNurse(() -> preparations.bottle(bottle.din())).expiresAt());
        Lineage lineage = traceability.lineage(bottle.din());
        assertThat(jdbc.sql("select volume_ml from milk_link where parent_id = :bottle and child_id = :aliquot")
                        .param("bottle", bottle.id())
                        .param("aliquot", forFirst.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(30);
        assertThat(jdbc.sql("select kind from milk_unit where id = :id")
                        .param("id", forSecond.id())
                        .query(String.class)
                        .single())
                .isEqualTo("ALIQUOT");
        assertThat(lineage.events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(MilkEventType.DISCARDED);
            assertThat(e.reasonCode()).isEqualTo(AliquotsPrepared.REMAINDER);
        });

        BedsideCheck fed = asNurse(() -> bedside.feed(Bedside.FeedRequest.of(first.infantCode(), forFirst.code(), 28)));
        assertThat(fed.passed()).isTrue();
        assertThat(fed.feedId()).isNotNull();
        assertThat(traceability.receivedBy(forFirst.id())).anySatisfy(f -> {
            assertThat(f.type()).isEqualTo(MilkEventType.FED);
            assertThat(f.infantId()).isEqualTo(first.id());
        });

        refusedFeed(first, forSecond.code(), forSecond.id(), BedsideRefusal.WRONG_BABY);
        refusedFeed(first, forFirst.code(), forFirst.id(), BedsideRefusal.ALREADY_FED);
        // the first feed stays the only one
        assertThat(feedsOf(forFirst.id())).isEqualTo(1);
    }

    @Test
    void aDividedBottleIsNeverDividedAgainNorFedWhole() {
        InfantView infant = fixtures.orderedInfant();
        BottleView bottle = thawedFor(infant);
        asNurse(() -> preparations.prepare(bottle.din(), List.of(new Syringe(infant.infantCode(), 100)), null));

        assertThatThrownBy(() -> asNurse(
                        () -> preparations.prepare(bottle.din(), List.of(new Syringe(infant.infantCode(), 10)), "x")))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("ward.prepare.already");
        refusedFeed(infant, bottle.din(), bottle.id(), BedsideRefusal.DIVIDED);
    }

    @Test
    void syringesThatHoldMoreThanTheBottleAreRefusedAndNothingIsPrepared() {
        InfantView infant = fixtures.orderedInfant();
        BottleView bottle = thawedFor(infant);
        assertThatThrownBy(() -> asNurse(() -> preparations.prepare(
                        bottle.din(),
                        List.of(new Syringe(infant.infantCode(), 60), new Syringe(infant.infantCode(), 50)),
                        "spare")))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("ward.aliquot.overBottle");
        assertThat(preparations.preparationOf(bottle.id())).isEmpty();
    }

    @Test
    void aFrozenBottleIsNotDivided() {
        InfantView infant = fixtures.orderedInfant();
        BottleView bottle = dispensedTo(infant);
        assertThatThrownBy(() -> asNurse(
                        () -> preparations.prepare(bottle.din(), List.of(new Syringe(infant.infantCode(), 10)), "x")))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("ward.prepare.notThawed");
    }

    @Test
    void refusesTheWrongBabyAndRecordsTheNearMiss() {
        InfantView meantFor = fixtures.orderedInfant();
        InfantView other = fixtures.orderedInfant();
        BottleView bottle = thawedFor(meantFor);
        refusedFeed(other, bottle.din(), bottle.id(), BedsideRefusal.WRONG_BABY);
    }

    @Test
    // moves the bank's clock ahead: runs after the others
    @Order(Integer.MAX_VALUE - 1)
    void refusesMilkWhoseThawClockIsOverAndRecordsTheNearMiss() {
        InfantView infant = fixtures.orderedInfant();
        BottleView bottle = dispensedTo(infant);
        asNurse(() -> preparations.thaw(bottle.din(), WardThaw.ROOM));
        // the default profile keeps milk thawed at room temperature 4 h
        clock.advance(Duration.ofHours(5));
        refusedFeed(infant, bottle.din(), bottle.id(), BedsideRefusal.THAW_CLOCK_OVER);
    }

    @Test
    // moves the bank's clock years ahead: runs last
    @Order(Integer.MAX_VALUE)
    void refusesExpiredMilkAndRecordsTheNearMiss() {
        InfantView infant = fixtures.orderedInfant();
        BottleView bottle = dispensedTo(infant);
        // past the frozen milk's expiry (months after pasteurisation), never thawed
        clock.advance(Duration.ofDays(800));
        refusedFeed(infant, bottle.din(), bottle.id(), BedsideRefusal.EXPIRED);
    }

    @Test
    void refusesHeldMilkAndRecordsTheNearMiss() {
        InfantView infant = fixtures.orderedInfant();
        BottleView bottle = thawedFor(infant);
        Staff.asSystem(() -> transactions.executeWithoutResult(t ->
                holds.placeOnUnits(HoldKind.CULTURE, List.of(bottle.id()), "culture.pending", List.of(), null, null)));
        refusedFeed(infant, bottle.din(), bottle.id(), BedsideRefusal.HELD);
    }

    @Test
    void refusesRecalledMilkAndRecordsTheNearMiss() {
        InfantView infant = fixtures.orderedInfant();
        BottleView bottle = thawedFor(infant);
        Staff.as("manager-recall", Role.MANAGER, () -> recalls.open(RecallSource.unit(bottle.din()), "test recall"));
        BedsideCheck check = refusedFeed(infant, bottle.din(), bottle.id(), BedsideRefusal.RECALLED);
        assertThat(check.overridable()).isFalse();
    }

    @Test
    void refusesAnInfantWithNoOrderInForceAndRecordsTheNearMiss() {
        InfantView infant = fixtures.infantWithConsent();
        BottleView bottle = thawedFor(infant);
        BedsideCheck refused = refusedFeed(infant, bottle.din(), bottle.id(), BedsideRefusal.NO_ORDER);
        assertThat(refused.refusals()).containsExactly(BedsideRefusal.NO_ORDER);

        // the clinician orders donor milk for her: the same bottle passes
        fixtures.order(infant);
        BedsideCheck fed = asNurse(() -> bedside.feed(Bedside.FeedRequest.of(infant.infantCode(), bottle.din(), 20)));
        assertThat(fed.passed()).isTrue();
        assertThat(feedsOf(bottle.id())).isEqualTo(1);
    }

    @Test
    void refusesAnInfantWithoutConsentAndRecordsTheNearMiss() {
        InfantView noConsent = fixtures.infant(false);
        InfantView withConsent = fixtures.orderedInfant();
        BottleView bottle = thawedFor(withConsent);
        // milk prepared for her although her parents have not consented yet
        Syringe syringe = new Syringe(noConsent.infantCode(), 20);
        AliquotView a = asNurse(() -> preparations.prepare(bottle.din(), List.of(syringe), "rest not needed"))
                .aliquots()
                .get(0);
        refusedFeed(noConsent, a.code(), a.id(), BedsideRefusal.NO_CONSENT);
    }

    @Test
    void anUnknownWristbandIsRefusedOnItsFieldAndRecordsNothing() {
        InfantView infant = fixtures.orderedInfant();
        BottleView bottle = thawedFor(infant);
        long before = jdbc.sql("select count(*) from ward_near_miss")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> asNurse(() -> bedside.check("NO-SUCH-BABY", bottle.din())))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).field()).contains("infantCode"));
        assertThat(jdbc.sql("select count(*) from ward_near_miss")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void milkGivenOutForNoInfantIsFedOnlyWithAReasonAndASecondNurseWhereTheBankAllowsIt() {
        InfantView infant = fixtures.orderedInfant();
        BottleView bottle = fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 1)
                .bottles()
                .get(0);
        // thawed at the bank and handed over without a dispense: meant for no infant
        Staff.asSystem(() -> thawing.thaw(bottle.din(), ThawMethod.FRIDGE, null));
        BedsideCheck refused = refusedFeed(infant, bottle.din(), bottle.id(), BedsideRefusal.NOT_ISSUED);
        assertThat(refused.refusals()).containsExactly(BedsideRefusal.NOT_ISSUED);
        // the built-in profile lets no refusal be overridden
        assertThat(refused.overridable()).isFalse();
        String second = Staff.create(identity, Role.NURSE);
        Bedside.FeedRequest override = new Bedside.FeedRequest(
                infant.infantCode(),
                bottle.din(),
                60,
                refused.nearMissId(),
                "ward stock, order by phone",
                second,
                Staff.PASSWORD);
        assertThatThrownBy(() -> asNurse(() -> bedside.feed(override)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("ward.override.notAllowed");

        String before = standards.activeProfile().code();
        String own = "WARD" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Staff.as("admin-ward", Role.ADMIN, () -> {
            bankProfiles.derive(own, "Ward test bank", "ours", before);
            bankProfiles.change(
                    own,
                    Parameter.BEDSIDE_OVERRIDE_REASONS.key(),
                    "NOT_ISSUED",
                    java.time.LocalDate.now(clock),
                    "the bank lets two nurses feed ward stock");
            standards.activate(own, "ward test");
        });
        try {
            assertThat(asNurse(() -> bedside.check(infant.infantCode(), bottle.din()))
                            .overridable())
                    .isTrue();
            Bedside.FeedRequest wrongPassword = new Bedside.FeedRequest(
                    infant.infantCode(),
                    bottle.din(),
                    60,
                    refused.nearMissId(),
                    "ward stock",
                    second,
                    "not-her-password");
            assertThatThrownBy(() -> asNurse(() -> bedside.feed(wrongPassword)))
                    .isInstanceOf(RuleViolation.class)
                    .satisfies(e -> assertThat(((RuleViolation) e).field()).contains("countersignPassword"));
            Bedside.FeedRequest bySelf = new Bedside.FeedRequest(
                    infant.infantCode(), bottle.din(), 60, refused.nearMissId(), "ward stock", nurse, Staff.PASSWORD);
            assertThatThrownBy(() -> asNurse(() -> bedside.feed(bySelf)))
                    .isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("signature.countersign.self");
            assertThat(feedsOf(bottle.id())).isZero();

            BedsideCheck fed = asNurse(() -> bedside.feed(override));
            assertThat(fed.feedId()).isNotNull();
            assertThat(fed.nearMissId()).isEqualTo(refused.nearMissId());
            assertThat(jdbc.sql("select countersigned_by from ward_feed where id = :id")
                            .param("id", fed.feedId())
                            .query(String.class)
                            .single())
                    .isEqualTo(second);
        } finally {
            Staff.as("admin-ward", Role.ADMIN, () -> standards.activate(before, "back after the ward test"));
        }
    }
}
