package org.openmilkbank.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reception of a donor's milk racing the block of her milk, in two transactions on two threads. Whichever
 * starts first finishes first; never a container of a blocked donor left usable in the raw store.
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
        // the block waits for the reception under way, so that it can see the containers
        Thread.sleep(500);
        assertThat(blocking).isNotDone();
        commit.countDown();
        reception.get(30, TimeUnit.SECONDS);
        blocking.get(30, TimeUnit.SECONDS);

        donation.get()
                .containers()
                .forEach(c -> assertThat(
                                collection.findByDin(c.din()).orElseThrow().state())
                        .isEqualTo(ContainerState.BLOCKED));
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
        Thread.sleep(500);
        assertThat(reception).isNotDone();
        commit.countDown();
        blocking.get(30, TimeUnit.SECONDS);

        DonationView donation = reception.get(30, TimeUnit.SECONDS);
        assertThat(donation.accepted()).isEmpty();
        donation.containers()
                .forEach(c -> assertThat(
                                collection.findByDin(c.din()).orElseThrow().state())
                        .isNotIn(ContainerState.RAW_FROZEN, ContainerState.POOLED));
    }
}
