package org.openmilkbank.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

class PoolTest {

    static final UUID DONOR_A = UUID.randomUUID();
    static final UUID DONOR_B = UUID.randomUUID();
    static int sequence = 1;

    static RawContainerView container(UUID donor, int ml, LocalDate expressed) {
        return new RawContainerView(
                UUID.randomUUID(),
                Din.of("A0001", 26, sequence++).value(),
                UUID.randomUUID(),
                donor,
                "D-" + donor.toString().substring(0, 4),
                ml,
                expressed,
                ContainerState.POOLED);
    }

    static Pool pool(List<RawContainerView> containers, org.openmilkbank.standards.StandardProfile profile) {
        return Pool.create(UUID.randomUUID(), Din.of("A0001", 26, 900_000), containers, profile, "tech", Instant.EPOCH);
    }

    static String code(Runnable r) {
        try {
            r.run();
        } catch (RuleViolation e) {
            return e.code();
        }
        return "accepted";
    }

    @Test
    void sumsVolumeCountsDonorsAndKeepsTheEarliestExpression() {
        var first = container(DONOR_A, 120, LocalDate.of(2026, 1, 10));
        var second = container(DONOR_B, 80, LocalDate.of(2026, 1, 3));
        var third = container(DONOR_A, 50, LocalDate.of(2026, 1, 20));
        PoolView view =
                pool(List.of(first, second, third), TestProfiles.hmbana()).view();

        assertThat(view.volumeMl()).isEqualTo(250);
        assertThat(view.donorCount()).isEqualTo(2);
        assertThat(view.donorIds()).containsExactlyInAnyOrder(DONOR_A, DONOR_B);
        assertThat(view.earliestExpression()).isEqualTo(LocalDate.of(2026, 1, 3));
        assertThat(view.containers())
                .extracting(PoolView.PooledContainer::containerId)
                .containsExactlyInAnyOrder(first.id(), second.id(), third.id());
    }

    @Test
    void refusesAnEmptyPoolAndAContainerListedTwice() {
        assertThat(code(() -> Pool.checkSelection(List.of()))).isEqualTo("processing.pool.empty");
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> Pool.checkSelection(List.of(id, UUID.randomUUID(), id)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("processing.pool.containerTwice");
                    assertThat(e.args()).containsExactly(id);
                });
        var c = container(DONOR_A, 100, LocalDate.of(2026, 1, 1));
        assertThat(code(() -> pool(List.of(c, c), TestProfiles.hmbana()))).isEqualTo("processing.pool.containerTwice");
    }

    @Test
    void niceAllowsOneDonorPerPool() {
        var a1 = container(DONOR_A, 100, LocalDate.of(2026, 1, 1));
        var a2 = container(DONOR_A, 100, LocalDate.of(2026, 1, 2));
        var b = container(DONOR_B, 100, LocalDate.of(2026, 1, 2));
        assertThat(pool(List.of(a1, a2), TestProfiles.nice()).view().donorCount())
                .isEqualTo(1);
        assertThat(code(() -> pool(List.of(a1, b), TestProfiles.nice()))).isEqualTo("processing.pool.tooManyDonors");
    }

    @Test
    void hmbanaAllowsFiveDonorsButNotSix() {
        List<RawContainerView> five = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> container(UUID.randomUUID(), 100, LocalDate.of(2026, 1, 1)))
                .toList();
        assertThat(pool(five, TestProfiles.hmbana()).view().donorCount()).isEqualTo(5);
        List<RawContainerView> six = new java.util.ArrayList<>(five);
        six.add(container(UUID.randomUUID(), 100, LocalDate.of(2026, 1, 1)));
        assertThat(code(() -> pool(six, TestProfiles.hmbana()))).isEqualTo("processing.pool.tooManyDonors");
    }

    @Test
    void niceWaitsForThePreCultureWhileHmbanaNeedsNone() {
        var c = container(DONOR_A, 100, LocalDate.of(2026, 1, 1));
        assertThat(pool(List.of(c), TestProfiles.nice()).state()).isEqualTo(PoolState.AWAITING_PRE_CULTURE);
        Pool hmbana = pool(List.of(container(DONOR_A, 100, LocalDate.of(2026, 1, 1))), TestProfiles.hmbana());
        assertThat(hmbana.state()).isEqualTo(PoolState.READY);
        assertThat(hmbana.takeCultureVerdict(true, List.of())).isFalse();
        assertThat(hmbana.state()).isEqualTo(PoolState.READY);
    }

    static Pool awaiting() {
        return pool(List.of(container(DONOR_A, 100, LocalDate.of(2026, 1, 1))), TestProfiles.nice());
    }

    @Test
    void aPassedCultureMakesThePoolReadyAndAFailedOneDiscardsItWithWhy() {
        Pool passes = awaiting();
        assertThat(passes.takeCultureVerdict(true, List.of())).isTrue();
        assertThat(passes.state()).isEqualTo(PoolState.READY);

        Pool fails = awaiting();
        assertThat(fails.takeCultureVerdict(false, List.of(Said.of("lab.culture.failure", "total", 100_001, 100_000))))
                .isTrue();
        assertThat(fails.state()).isEqualTo(PoolState.DISCARDED);
        assertThat(fails.discardReason()).isNull();
        assertThat(fails.view().discardCodes()).singleElement().satisfies(reason -> {
            assertThat(reason.key()).isEqualTo("lab.culture.failure");
            assertThat(reason.args()).map(String::valueOf).containsExactly("total", "100001", "100000");
        });
        assertThat(fails.takeCultureVerdict(true, List.of())).isFalse();
        assertThat(fails.state()).isEqualTo(PoolState.DISCARDED);
    }

    @Test
    void onlyAReadyPoolIsPasteurisedAndAPasteurisedPoolIsNotDiscarded() {
        Pool waiting = awaiting();
        assertThat(code(waiting::markPasteurised)).isEqualTo("processing.pool.notReady");
        Pool ready = pool(List.of(container(DONOR_A, 100, LocalDate.of(2026, 1, 1))), TestProfiles.hmbana());
        ready.markPasteurised();
        assertThat(ready.state()).isEqualTo(PoolState.PASTEURISED);
        assertThat(code(ready::markPasteurised)).isEqualTo("processing.pool.notReady");
        assertThat(code(() -> ready.discard("spilled"))).isEqualTo("processing.pool.alreadyPasteurised");
    }

    @Test
    void aDiscardNeedsAReasonAndHappensOnce() {
        Pool pool = awaiting();
        assertThat(code(() -> pool.discard(""))).isEqualTo("processing.discard.reason.required");
        pool.discard("container leaked during thawing");
        assertThat(pool.view().discardReason()).isEqualTo("container leaked during thawing");
        assertThat(code(() -> pool.discard("again"))).isEqualTo("processing.pool.alreadyDiscarded");
        assertThat(code(pool::markPasteurised)).isEqualTo("processing.pool.notReady");
    }
}
