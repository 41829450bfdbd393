package org.openmilkbank.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Latches;
import org.openmilkbank.support.Staff;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.HoldView;
import org.openmilkbank.traceability.Holds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reception of a donor's milk racing the block of her milk, in two transactions on two threads: the gate takes
 * her advisory lock shared at reception, the block's hold takes it exclusive. Whichever starts first finishes first;
 * never a container of a blocked donor usable in the raw store.
 */
@IntegrationTest
class BlockReceptionRaceTests {

    @Autowired
    DonorManagement donors;

    @Autowired
    CollectionManagement collection;

    @Autowired
    Standards standards;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Holds holds;

    @Autowired
    JdbcClient jdbc;

    DonorView donor;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void eligibleDonor() {
        Staff.asSystem(() -> donor = DonorFixtures.eligibleDonor(donors, standards, today.minusDays(5)));
    }

    private DonationView receive() {
        AtomicReference<DonationView> received = new AtomicReference<>();
        Staff.as(
                "reception-race",
                Role.LAB_TECHNICIAN,
                () -> received.set(collection.receive(
                        donor.id(), List.of(new ContainerIntake(120, today), new ContainerIntake(90, today)), null)));
        return received.get();
    }

    private void block() {
        Staff.as(
                "coordinator-race",
                Role.DONOR_COORDINATOR,
                () -> donors.recordSerology(
                        donor.id(),
                        standards.activeProfile().serologyPanel().get(0),
                        today.minusDays(1),
                        SerologyOutcome.POSITIVE,
                        "RACE"));
    }

    @Test
    void containersReceivedJustBeforeTheBlockCommitsAreBlockedWithTheRest() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        AtomicReference<DonationView> donation = new AtomicReference<>();
        CompletableFuture<Void> reception = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            donation.set(receive());
            received.countDown();
            Latches.awaitCommit(commit);
        }));
        assertThat(received.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(donation.get().accepted()).hasSize(2);

        CompletableFuture<Void> blocking = CompletableFuture.runAsync(this::block);
        // the block's hold waits for the reception under way (her lock, held shared), so that it covers the milk
        awaitOneWaitingOnAnAdvisoryLock();
        assertThat(blocking).isNotDone();
        commit.countDown();
        reception.get(30, TimeUnit.SECONDS);
        blocking.get(30, TimeUnit.SECONDS);

        List<UUID> ids =
                donation.get().containers().stream().map(RawContainerView::id).toList();
        assertThat(holds.activeOn(ids))
                .allSatisfy((id, active) ->
                        assertThat(active).extracting(HoldView::kind).containsExactly(HoldKind.DONOR_BLOCK));
        assertThat(holds.activeOn(ids)).containsOnlyKeys(ids);
        assertThat(collection.usableForPooling(today))
                .extracting(RawContainerView::id)
                .doesNotContainAnyElementsOf(ids);
    }

    @Test
    void aReceptionThatStartsWhileTheBlockIsUncommittedWaitsAndDoesNotAcceptHerMilk() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> blocking = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            block();
            blocked.countDown();
            Latches.awaitCommit(commit);
        }));
        assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<DonationView> reception = CompletableFuture.supplyAsync(this::receive);
        // the reception's gate waits on her lock, held exclusive by the uncommitted block
        awaitOneWaitingOnAnAdvisoryLock();
        assertThat(reception).isNotDone();
        commit.countDown();
        blocking.get(30, TimeUnit.SECONDS);

        DonationView donation = reception.get(30, TimeUnit.SECONDS);
        assertThat(donation.accepted()).isEmpty();
        assertThat(donation.lines())
                .extracting(ReceivedContainer::rejectReason)
                .containsOnly(RejectReason.DONOR_BLOCKED);
        donation.containers()
                .forEach(c -> assertThat(
                                collection.findByDin(c.din()).orElseThrow().state())
                        .isEqualTo(ContainerState.REJECTED));
    }

    /** Until another transaction waits on an advisory lock (the lock table says so; no sleeping, no timing). */
    private void awaitOneWaitingOnAnAdvisoryLock() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
                        .query(Long.class)
                        .single()
                == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no transaction ever waited on the donor's lock");
            }
            Thread.onSpinWait();
        }
    }
}
