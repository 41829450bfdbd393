package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DeferralCategory;
import org.openmilkbank.donor.DeferralView;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.NewDeferral;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The lineage, holds, donor risk windows and the gate on a real PostgreSQL, below any milk module. */
@IntegrationTest
class LineageAndGateIntegrationTests {

    @Autowired
    LineageWriter lineage;

    @Autowired
    MilkGate gate;

    @Autowired
    Holds holds;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    static int sequence = 100_000;

    static Din din() {
        return Din.parse("A0001" + "26" + String.format("%06d", ++sequence));
    }

    /** A container of the donor expressed that day, pooled alone, in a run, filled into one bottle. */
    record Path(UUID container, UUID pool, UUID run, UUID bottle) {}

    Path path(UUID donorId, LocalDate expressedOn) {
        Instant now = Instant.now(clock);
        Path p = new Path(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Din poolDin = din();
        write(MilkHandling.builder()
                .container(p.container(), din(), donorId, expressedOn, now.minusSeconds(3600))
                .event(p.container(), MilkEventType.RECEIVED, now.minusSeconds(3600))
                .unit(p.pool(), poolDin, MilkUnitKind.POOL, now.minusSeconds(1800))
                .link(p.container(), p.pool(), 100, now.minusSeconds(1800))
                .unitNamed(p.run(), poolDin.value() + "-R1", MilkUnitKind.RUN, now.minusSeconds(1200))
                .link(p.pool(), p.run(), null, now.minusSeconds(1200))
                .unit(p.bottle(), din(), MilkUnitKind.BOTTLE, now.minusSeconds(600))
                .link(p.run(), p.bottle(), 100, now.minusSeconds(600))
                .event(
                        p.bottle(),
                        MilkEventType.FILLED,
                        now.minusSeconds(600),
                        null,
                        java.util.Map.of(
                                "expiresOn", LocalDate.now(clock).plusMonths(3).toString()))
                .build());
        return p;
    }

    void write(MilkHandling handling) {
        Staff.asSystem(() -> tx.executeWithoutResult(s -> lineage.write(handling)));
    }

    Verdict check(UUID unit, GateUse use) {
        return tx.execute(s -> gate.check(unit, use, Instant.now(clock)));
    }

    List<String> reasons(UUID unit, GateUse use) {
        return check(unit, use).reasons().stream().map(Verdict.Reason::code).toList();
    }

    DonorView donor() {
        LocalDate sampled = LocalDate.now(clock).minusDays(60);
        DonorView[] donor = new DonorView[1];
        Staff.as(
                "coordinator-lineage",
                Role.DONOR_COORDINATOR,
                () -> donor[0] = DonorFixtures.eligibleDonor(donors, standards, sampled));
        return donor[0];
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheLineage() {
        Path p = path(donor().id(), LocalDate.now(clock).minusDays(5));

        assertThatThrownBy(() -> jdbc.sql("update milk_event set actor = 'x' where unit_id = :id")
                        .param("id", p.container())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from milk_link where child_id = :id")
                        .param("id", p.bottle())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update milk_unit set din = null where id = :id")
                        .param("id", p.pool())
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aHoldIsNeverDeletedAndChangesOnlyByEnding() {
        Path p = path(donor().id(), LocalDate.now(clock).minusDays(5));
        UUID[] placed = new UUID[1];
        Staff.asSystem(() -> placed[0] = tx.execute(
                s -> holds.placeOnUnits(HoldKind.RECALL, List.of(p.pool()), "recall", List.of("RC-1"), null, null)
                        .get(0)));
        UUID hold = placed[0];

        assertThatThrownBy(() -> jdbc.sql("delete from milk_hold where id = :id")
                        .param("id", hold)
                        .update())
                .hasMessageContaining("never deleted");
        assertThatThrownBy(() -> jdbc.sql("update milk_hold set reason_code = 'x' where id = :id")
                        .param("id", hold)
                        .update())
                .hasMessageContaining("only by ending");
        Staff.asSystem(() -> tx.executeWithoutResult(s -> holds.end(hold, HoldOutcome.RELEASED, "reviewed")));
        assertThatThrownBy(() -> Staff.asSystem(
                        () -> tx.executeWithoutResult(s -> holds.end(hold, HoldOutcome.DISCARDED, "again"))))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aHoldOnAPoolKeepsItsRunAndBottlesOutOfUseButNotAnotherPool() {
        DonorView donor = donor();
        Path held = path(donor.id(), LocalDate.now(clock).minusDays(5));
        Path other = path(donor.id(), LocalDate.now(clock).minusDays(5));
        Staff.asSystem(() -> tx.executeWithoutResult(
                s -> holds.placeOnUnits(HoldKind.RECALL, List.of(held.pool()), "recall", List.of("RC-2"), null, null)));

        assertThat(reasons(held.bottle(), GateUse.DISPENSE)).containsExactly("hold.reason.recall");
        assertThat(reasons(held.run(), GateUse.RELEASE)).containsExactly("hold.reason.recall");
        assertThat(reasons(held.container(), GateUse.POOL)).isEmpty();
        assertThat(reasons(other.bottle(), GateUse.DISPENSE)).isEmpty();
    }

    @Test
    void aLatePositiveResultHoldsMilkExpressedAfterHerLastNegativeSampleWheneverItArrives() {
        DonorView donor = donor();
        LocalDate today = LocalDate.now(clock);
        Path beforeNegative = path(donor.id(), today.minusDays(70));
        Path afterNegative = path(donor.id(), today.minusDays(20));
        String test = standards.activeProfile().serologyPanel().get(0);
        Staff.as(
                "coordinator-lineage",
                Role.DONOR_COORDINATOR,
                () -> donors.recordSerology(
                        donor.id(), test, today.minusDays(1), SerologyOutcome.POSITIVE, "LAB-LATE"));
        Path arrivingLater = path(donor.id(), today.minusDays(10));

        assertThat(reasons(afterNegative.bottle(), GateUse.DISPENSE)).containsExactly("hold.reason.donor.blocked");
        assertThat(reasons(arrivingLater.container(), GateUse.POOL)).containsExactly("hold.reason.donor.blocked");
        assertThat(reasons(beforeNegative.bottle(), GateUse.DISPENSE)).isEmpty();
        assertThat(tx.execute(s -> gate.checkReception(donor.id(), today.minusDays(2), "new"))
                        .allowed())
                .isFalse();
    }

    @Test
    void liftingATemporaryDeferralReleasesWhatItHeldButNotWhatItsCauseMadeUnsafe() {
        DonorView donor = donor();
        LocalDate today = LocalDate.now(clock);
        Path dayBefore = path(donor.id(), today.minusDays(3));
        DeferralView[] deferral = new DeferralView[1];
        Staff.as(
                "coordinator-lineage",
                Role.DONOR_COORDINATOR,
                () -> deferral[0] = donors.defer(
                        donor.id(),
                        new NewDeferral(
                                DeferralCategory.ILLNESS,
                                false,
                                today.minusDays(2),
                                today.plusDays(5),
                                false,
                                "fever")));
        Path during = path(donor.id(), today.minusDays(2));

        assertThat(reasons(dayBefore.bottle(), GateUse.DISPENSE)).containsExactly("hold.reason.donor.blocked");
        assertThat(reasons(during.bottle(), GateUse.DISPENSE)).containsExactly("hold.reason.donor.deferred");

        Staff.as(
                "coordinator-lineage",
                Role.DONOR_COORDINATOR,
                () -> donors.liftDeferral(deferral[0].id(), "recovered"));

        assertThat(reasons(during.bottle(), GateUse.DISPENSE)).isEmpty();
        assertThat(reasons(dayBefore.bottle(), GateUse.DISPENSE)).containsExactly("hold.reason.donor.blocked");
    }

    @Test
    void theRefusalNamesEveryReasonInTheReadersLanguage() {
        DonorView donor = donor();
        Path p = path(donor.id(), LocalDate.now(clock).minusDays(5));
        Staff.asSystem(() -> tx.executeWithoutResult(
                s -> holds.placeOnUnits(HoldKind.RECALL, List.of(p.run()), "recall", List.of("RC-3"), null, null)));

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> gate.require(
                        p.bottle(), GateUse.DISPENSE, Instant.now(clock).plusSeconds(86400))))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("gate.refused.DISPENSE");
                    assertThat(e.reasons())
                            .extracting(r -> r.getCodes()[0])
                            .containsExactlyInAnyOrder("hold.reason.recall", "gate.time.future");
                });
    }
}
