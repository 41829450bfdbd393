package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Latches;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Milk moving while its donor is blocked: a pooling of her containers and a run bottling her pool each hold the
 * rows the block must lock, so the block waits for their commit and then finds the new pool or bottles.
 */
@IntegrationTest
class BlockMilkMovingRaceTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    DonorManagement donors;

    @Autowired
    PoolManagement pools;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    Inventory inventory;

    @Autowired
    Standards standards;

    @Autowired
    TransactionTemplate transactions;

    private void block(DonorView donor) {
        Staff.as(
                "coordinator-race",
                Role.DONOR_COORDINATOR,
                () -> donors.recordSerology(
                        donor.id(),
                        standards.activeProfile().serologyPanel().get(0),
                        LocalDate.now().minusDays(1),
                        SerologyOutcome.POSITIVE,
                        "RACE"));
    }

    @Test
    void aPoolingThatCommitsWhileTheBlockWaitsIsBlockedWithIt() throws Exception {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        DonorView donor = fixtures.eligibleDonor();
        List<RawContainerView> containers = fixtures.containers(3, donor);
        PoolView[] pooled = new PoolView[1];
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> pooling = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            Staff.as(
                    "tech-race",
                    Role.LAB_TECHNICIAN,
                    () -> pooled[0] = pools.createPool(
                            containers.stream().map(RawContainerView::id).toList()));
            done.countDown();
            Latches.awaitCommit(commit);
        }));
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> blocking = CompletableFuture.runAsync(() -> block(donor));
        Thread.sleep(500);
        assertThat(blocking)
                .as("the block waits for the pooling's container locks")
                .isNotDone();
        commit.countDown();
        pooling.get(30, TimeUnit.SECONDS);
        blocking.get(30, TimeUnit.SECONDS);

        assertThat(pools.find(pooled[0].id()).orElseThrow().state()).isEqualTo(PoolState.BLOCKED);
    }

    @Test
    void bottlesStockedByARunThatCommitsWhileTheBlockWaitsAreBlocked() throws Exception {
        ProcessingFixtures.Technicians techs = ProcessingFixtures.Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 300);
        DonorView donor = donors.find(pool.donorIds().get(0)).orElseThrow();
        RunView[] recorded = new RunView[1];
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            Staff.as(
                    techs.recorder(),
                    Role.LAB_TECHNICIAN,
                    () -> recorded[0] = runs.recordRun(ProcessingFixtures.holderRun(pool.id(), 3, 100)));
            done.countDown();
            Latches.awaitCommit(commit);
        }));
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> blocking = CompletableFuture.runAsync(() -> block(donor));
        Thread.sleep(500);
        assertThat(blocking).as("the block waits for the run's pool lock").isNotDone();
        commit.countDown();
        running.get(30, TimeUnit.SECONDS);
        blocking.get(30, TimeUnit.SECONDS);

        assertThat(runs.find(recorded[0].id()).orElseThrow().state()).isEqualTo(RunState.BLOCKED);
        assertThat(inventory.bottlesOfRun(recorded[0].id()))
                .hasSize(3)
                .extracting(BottleView::state)
                .containsOnly(BottleState.BLOCKED);
    }
}
