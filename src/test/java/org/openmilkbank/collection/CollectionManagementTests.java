package org.openmilkbank.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CollectionManagementTests {

    static final Din POOL_DIN = Din.of("A0001", 26, 990_001);

    @Autowired
    CollectionManagement collection;

    @Autowired
    RawMilk rawMilk;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    LocalDate today;
    DonorView donor;

    @BeforeEach
    void eligibleDonor() {
        today = LocalDate.now(clock);
        donor = system(() -> DonorFixtures.eligibleDonor(donors, standards, today.minusDays(20)));
    }

    @Test
    void receivesEveryContainerWithItsOwnCheckedDinAsRawFrozen() {
        DonationView donation = system(() -> collection.receive(
                donor.id(),
                List.of(new ContainerIntake(120, today.minusDays(3)), new ContainerIntake(90, today.minusDays(2))),
                " picked up at home "));

        assertThat(donation.containers()).hasSize(2);
        assertThat(donation.note()).isEqualTo("picked up at home");
        assertThat(donation.totalVolumeMl()).isEqualTo(210);
        assertThat(donation.containers()).allSatisfy(c -> {
            assertThat(c.state()).isEqualTo(ContainerState.RAW_FROZEN);
            assertThat(c.donorCode()).isEqualTo(donor.code());
            assertThat(c.din()).hasSize(13);
            Din din = Din.parse(c.din());
            assertThat(Din.parse(din.withCheck())).isEqualTo(din);
        });
        assertThat(donation.containers().stream().map(RawContainerView::din).distinct())
                .hasSize(2);
        assertThat(donors.find(donor.id()).orElseThrow().firstDonationOn()).isEqualTo(today.minusDays(3));
        assertThat(collection.findDonation(donation.id())).contains(donation);
        assertThat(collection.donationsOf(donor.id())).containsExactly(donation);
        String din = donation.containers().get(0).din();
        assertThat(rawMilk.findByDin(din)).contains(donation.containers().get(0));
        assertThat(historyCount(donation.containers().get(0).id())).isEqualTo(1);
    }

    @Test
    void dinsAreUniqueAcrossManyReceptions() {
        List<String> dins = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            dins.addAll(
                    system(() -> DonorFixtures.receive(collection, donor.id(), today, 100, 110, 120))
                            .containers()
                            .stream()
                            .map(RawContainerView::din)
                            .toList());
        }
        assertThat(dins).hasSize(15).doesNotHaveDuplicates();
        Long stored = jdbc.sql("select count(distinct din) from raw_container where din in (:dins)")
                .param("dins", dins)
                .query(Long.class)
                .single();
        assertThat(stored).isEqualTo(15);
    }

    @Test
    void firstDonationKeepsTheEarliestExpressionDate() {
        system(() -> DonorFixtures.receive(collection, donor.id(), today.minusDays(1), 100));
        system(() -> DonorFixtures.receive(collection, donor.id(), today.minusDays(5), 100));
        system(() -> DonorFixtures.receive(collection, donor.id(), today, 100));
        assertThat(donors.find(donor.id()).orElseThrow().firstDonationOn()).isEqualTo(today.minusDays(5));
    }

    @Test
    void holdsMilkExpressedBeforeTheDonorHadAValidPanelAndAcceptsTheRest() {
        // her blood was sampled 20 days ago: milk from 25 days ago has no valid panel behind it yet
        DonationView donation = system(() -> collection.receive(
                donor.id(),
                List.of(new ContainerIntake(100, today), new ContainerIntake(100, today.minusDays(25))),
                null));
        assertThat(donation.lines())
                .extracting(l -> l.container().state())
                .containsExactly(ContainerState.RAW_FROZEN, ContainerState.HELD);
        assertThat(donation.held().get(0).holdReason()).isNotBlank();
        assertThat(collection.usableForPooling(today))
                .extracting(RawContainerView::id)
                .doesNotContain(donation.held().get(0).container().id());
    }

    @Test
    void holdsTheMilkOfADonorWithoutSerology() {
        DonorView unscreened = system(() -> DonorFixtures.registeredDonor(donors));
        DonationView donation = system(() -> DonorFixtures.receive(collection, unscreened.id(), today, 100));
        assertThat(donation.held()).hasSize(1);
        assertThat(donation.accepted()).isEmpty();
    }

    @Test
    void refusesAFutureExpressionDate() {
        assertRefusedUnchanged(
                () -> DonorFixtures.receive(collection, donor.id(), today.plusDays(1), 100),
                "collection.container.expressedInFuture",
                1);
    }

    @Test
    void refusesZeroNegativeAndAbsurdVolumes() {
        for (int volume : new int[] {0, -50, 5000}) {
            assertRefusedUnchanged(
                    () -> collection.receive(
                            donor.id(),
                            List.of(new ContainerIntake(100, today), new ContainerIntake(volume, today)),
                            null),
                    "collection.container.volume",
                    2);
        }
    }

    @Test
    void rejectsMilkOlderThanTheRawLimitAndCountsTheReject() {
        int limit = standards.activeProfile().rawMaxAgeDays();
        long before = collection.rejectsByReason(today, today).get(RejectReason.TOO_OLD);
        DonationView donation =
                system(() -> DonorFixtures.receive(collection, donor.id(), today.minusDays(limit + 1L), 100));
        assertThat(donation.rejected()).singleElement().satisfies(r -> {
            assertThat(r.rejectReason()).isEqualTo(RejectReason.TOO_OLD);
            assertThat(r.container().state()).isEqualTo(ContainerState.REJECTED);
        });
        assertThat(collection.rejectsByReason(today, today).get(RejectReason.TOO_OLD))
                .isEqualTo(before + 1);
    }

    @Test
    void refusesAnUnknownDonorAndAnEmptyDonation() {
        assertRefusedUnchanged(
                () -> DonorFixtures.receive(collection, UUID.randomUUID(), today, 100),
                "collection.donor.unknown",
                null);
        assertRefusedUnchanged(
                () -> collection.receive(donor.id(), List.of(), null), "collection.containers.required", null);
    }

    @Test
    void takesContainersForAPoolOnceOnly() {
        DonationView donation = system(() -> DonorFixtures.receive(collection, donor.id(), today, 100, 100));
        List<UUID> ids =
                donation.containers().stream().map(RawContainerView::id).toList();
        UUID pool = UUID.randomUUID();

        assertThat(rawMilk.usableForPooling(today))
                .extracting(RawContainerView::id)
                .containsAll(ids);
        List<RawContainerView> taken = system(() -> rawMilk.takeForPool(ids, pool, POOL_DIN, Instant.now()));

        assertThat(taken).extracting(RawContainerView::state).containsOnly(ContainerState.POOLED);
        assertThat(rawMilk.usableForPooling(today))
                .extracting(RawContainerView::id)
                .doesNotContainAnyElementsOf(ids);
        assertThat(collection
                        .container(ids.isEmpty() ? null : taken.get(0).din())
                        .orElseThrow()
                        .poolId())
                .isEqualTo(pool);
        assertThatThrownBy(() -> system(
                        () -> rawMilk.takeForPool(List.of(ids.get(0)), UUID.randomUUID(), POOL_DIN, Instant.now())))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("collection.container.notRawFrozen"));
    }

    @Test
    void takeForPoolIsAllOrNothing() {
        DonationView donation = system(() -> DonorFixtures.receive(collection, donor.id(), today, 100, 100));
        UUID first = donation.containers().get(0).id();
        UUID second = donation.containers().get(1).id();
        system(() -> collection.discardContainer(donation.containers().get(1).din(), "container cracked"));

        Instant now = Instant.now();
        assertTakeRefused(List.of(first, second), now, "collection.container.notRawFrozen");
        assertTakeRefused(List.of(first, first), now, "collection.container.listedTwice");
        assertTakeRefused(List.of(first, UUID.randomUUID()), now, "collection.container.unknown");
        assertTakeRefused(List.of(), now, "collection.pool.noContainers");
        // the raw-milk clock is the gate's: a pooling dated past the limit is refused naming it
        int limit = standards.activeProfile().rawMaxAgeDays();
        RuleViolation tooOld =
                assertTakeRefused(List.of(first), now.plus(java.time.Duration.ofDays(limit + 1L)), "gate.refused.POOL");
        assertThat(tooOld.reasons()).extracting(r -> r.getCodes()[0]).contains("gate.clock.rawTooOld");

        assertThat(rawMilk.findByDin(donation.containers().get(0).din())
                        .orElseThrow()
                        .state())
                .isEqualTo(ContainerState.RAW_FROZEN);
    }

    @Test
    void discardNeedsAReasonAndARawFrozenContainer() {
        DonationView donation = system(() -> DonorFixtures.receive(collection, donor.id(), today, 100));
        String din = Din.parse(donation.containers().get(0).din()).withCheck();

        assertThatThrownBy(() -> system(() -> collection.discardContainer(din, " ")))
                .isInstanceOf(RuleViolation.class);
        RawContainerView discarded = system(() -> collection.discardContainer(din, "thawed in transport"));
        assertThat(discarded.state()).isEqualTo(ContainerState.DISCARDED);
        assertThat(collection.container(din).orElseThrow().discardReason()).isEqualTo("thawed in transport");
        assertThatThrownBy(() -> system(() -> collection.discardContainer(din, "again")))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("collection.container.notRawFrozen"));
    }

    private RuleViolation assertTakeRefused(List<UUID> ids, Instant at, String code) {
        Map<String, Long> before = counts();
        RuleViolation refused = org.junit.jupiter.api.Assertions.assertThrows(
                RuleViolation.class, () -> system(() -> rawMilk.takeForPool(ids, UUID.randomUUID(), POOL_DIN, at)));
        assertThat(refused.code()).isEqualTo(code);
        assertThat(counts()).isEqualTo(before);
        return refused;
    }

    private void assertRefusedUnchanged(Runnable action, String code, Integer containerNumber) {
        Map<String, Long> before = counts();
        LocalDate firstBefore = donors.find(donor.id()).orElseThrow().firstDonationOn();
        assertThatThrownBy(() -> Staff.asSystem(action))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> {
                    RuleViolation violation = (RuleViolation) e;
                    assertThat(violation.code()).isEqualTo(code);
                    if (containerNumber != null) {
                        assertThat(violation.args()[0]).isEqualTo(containerNumber);
                    }
                });
        assertThat(counts()).isEqualTo(before);
        assertThat(donors.find(donor.id()).orElseThrow().firstDonationOn()).isEqualTo(firstBefore);
    }

    private Map<String, Long> counts() {
        return Map.of(
                "donation", count("select count(*) from donation"),
                "raw_container", count("select count(*) from raw_container"),
                "pooled", count("select count(*) from raw_container where state <> 'RAW_FROZEN'"),
                "din_sequence", count("select coalesce(sum(last_value), 0) from din_sequence"),
                "history", count("select count(*) from history_entry"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long historyCount(UUID id) {
        return jdbc.sql("select count(*) from history_entry where record_id = :id")
                .param("id", id.toString())
                .query(Long.class)
                .single();
    }

    private static <T> T system(java.util.function.Supplier<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        Staff.asSystem(() -> result.set(action.get()));
        return result.get();
    }
}
