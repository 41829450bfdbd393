package org.openmilkbank.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DeferralCategory;
import org.openmilkbank.donor.DeferralView;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.NewDeferral;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.Holds;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Milk expressed in a donor's risk window but received after the window was known: it used to be accepted and
 * pooled because reception asked only for her status on the expression day. Now reception and pooling ask the gate.
 */
@IntegrationTest
class DonorWindowEscapesTests {

    static final Din POOL_DIN = Din.of("A0001", 26, 990_201);

    @Autowired
    DonorManagement donors;

    @Autowired
    CollectionManagement collection;

    @Autowired
    Standards standards;

    @Autowired
    Holds holds;

    LocalDate today = LocalDate.now();
    DonorView donor;

    @BeforeEach
    void eligibleDonor() {
        donor = system(() -> DonorFixtures.eligibleDonor(donors, standards, today.minusDays(30)));
    }

    @Test
    void aLatePositiveRejectsMilkExpressedAfterHerLastNegativeSampleEvenWhenItArrivesLater() {
        String test = standards.activeProfile().serologyPanel().get(0);
        system(() -> donors.recordSerology(donor.id(), test, today.minusDays(10), SerologyOutcome.NEGATIVE, "N2"));
        RawContainerView before = receiveOne(today.minusDays(15));
        RawContainerView inBank = receiveOne(today.minusDays(5));
        assertThat(inBank.state()).isEqualTo(ContainerState.RAW_FROZEN);

        system(() -> donors.recordSerology(donor.id(), test, today.minusDays(2), SerologyOutcome.POSITIVE, "P1"));

        // expressed after the last negative sample, received after the positive: rejected, never in the raw store
        DonationView late = system(() -> DonorFixtures.receive(collection, donor.id(), today.minusDays(5), 90));
        ReceivedContainer rejected = late.lines().get(0);
        assertThat(rejected.container().state()).isEqualTo(ContainerState.REJECTED);
        assertThat(rejected.rejectReason()).isEqualTo(RejectReason.DONOR_BLOCKED);
        assertRefusedForPool(rejected.container().id(), "collection.container.notRawFrozen");

        // already in the bank: its state is unchanged, a hold beside it keeps it out of every pool
        assertThat(collection.findByDin(inBank.din()).orElseThrow().state()).isEqualTo(ContainerState.RAW_FROZEN);
        assertThat(holds.activeOn(inBank.id())).extracting(h -> h.kind()).containsExactly(HoldKind.DONOR_BLOCK);
        assertThat(collection.usableForPooling(today))
                .extracting(RawContainerView::id)
                .doesNotContain(inBank.id());
        assertRefusedForPool(inBank.id(), "gate.refused.POOL");

        // expressed before her last negative sample: still usable
        assertThat(collection.usableForPooling(today))
                .extracting(RawContainerView::id)
                .contains(before.id());
        List<RawContainerView> pooled =
                system(() -> collection.takeForPool(List.of(before.id()), UUID.randomUUID(), POOL_DIN, Instant.now()));
        assertThat(pooled).extracting(RawContainerView::state).containsExactly(ContainerState.POOLED);
    }

    @Test
    void aDeferralWhoseCauseReachesBackRejectsMilkOfTheDayBeforeReceivedAfterIt() {
        RawContainerView inBank = receiveOne(today.minusDays(1));
        RawContainerView older = receiveOne(today.minusDays(20));
        system(() -> donors.defer(
                donor.id(), new NewDeferral(DeferralCategory.ILLNESS, false, today, today.plusDays(7), false, "x")));

        // expressed the day before the deferral (ILLNESS reaches back 14 days by default), received after it
        DonationView late = system(() -> DonorFixtures.receive(collection, donor.id(), today.minusDays(1), 80));
        assertThat(late.lines().get(0).rejectReason()).isEqualTo(RejectReason.DONOR_BLOCKED);
        assertRefusedForPool(late.lines().get(0).container().id(), "collection.container.notRawFrozen");

        assertThat(collection.usableForPooling(today))
                .extracting(RawContainerView::id)
                .doesNotContain(inBank.id());
        assertRefusedForPool(inBank.id(), "gate.refused.POOL");
        // outside the look-back: usable
        assertThat(collection.usableForPooling(today))
                .extracting(RawContainerView::id)
                .contains(older.id());
    }

    @Test
    void aTemporaryDeferralHoldsMilkExpressedDuringItUntilLiftedAfterANegativeRetest() {
        DeferralView deferral = system(() -> donors.defer(
                donor.id(),
                new NewDeferral(
                        DeferralCategory.MEDICATION, false, today.minusDays(3), today.minusDays(1), true, "x")));
        DonationView during = system(() -> DonorFixtures.receive(collection, donor.id(), today.minusDays(2), 70));
        ReceivedContainer held = during.lines().get(0);
        assertThat(held.container().state()).isEqualTo(ContainerState.HELD);
        assertThat(held.holdReasonCodes()).contains(CollectionManagement.HELD_BY_WINDOW);
        assertRefusedForPool(held.container().id(), "collection.container.notRawFrozen");

        // decided again before she is cleared: the gate still holds it
        assertThat(system(() -> collection.decideHeld(donor.id()))).isEmpty();
        assertThat(collection.findByDin(held.container().din()).orElseThrow().state())
                .isEqualTo(ContainerState.HELD);

        system(() -> {
            DonorFixtures.recordNegativePanel(donors, standards, donor.id(), today);
            return donors.liftDeferral(deferral.id(), "negative re-test");
        });
        system(() -> collection.decideHeld(donor.id()));

        assertThat(collection.findByDin(held.container().din()).orElseThrow().state())
                .isEqualTo(ContainerState.RAW_FROZEN);
        assertThat(holds.activeOn(held.container().id())).isEmpty();
        assertThat(collection.usableForPooling(today))
                .extracting(RawContainerView::id)
                .contains(held.container().id());
    }

    private RawContainerView receiveOne(LocalDate expressedOn) {
        return system(() -> DonorFixtures.receive(collection, donor.id(), expressedOn, 100))
                .containers()
                .get(0);
    }

    private void assertRefusedForPool(UUID containerId, String code) {
        assertThatThrownBy(() -> system(
                        () -> collection.takeForPool(List.of(containerId), UUID.randomUUID(), POOL_DIN, Instant.now())))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static <T> T system(Supplier<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        Staff.asSystem(() -> result.set(action.get()));
        return result.get();
    }
}
