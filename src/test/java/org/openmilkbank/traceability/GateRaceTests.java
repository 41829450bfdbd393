package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Latches;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A block of a donor's milk racing each step that moves her milk, in two transactions on two threads. The step asks
 * the gate, which takes the donor's advisory lock shared; the block takes it exclusive. Whichever comes first, the
 * other waits for its commit: a step that committed first is covered by the hold afterwards, a step that comes
 * while the block is uncommitted waits and is refused. Never milk of a blocked donor moved unseen.
 */
@IntegrationTest
class GateRaceTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    DonorManagement donors;

    @Autowired
    DispensingManagement dispensing;

    @Autowired
    PoolManagement pools;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    Inventory inventory;

    @Autowired
    Holds holds;

    @Autowired
    Standards standards;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

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

    /** Runs the step in a transaction held open until the returned latch is counted down. */
    private CompletableFuture<Void> heldOpen(Runnable step, CountDownLatch done, CountDownLatch commit) {
        return CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            step.run();
            done.countDown();
            Latches.awaitCommit(commit);
        }));
    }

    private List<String> activeHoldReasons(java.util.UUID unitId) {
        return holds.activeOn(unitId).stream().map(HoldView::reasonCode).toList();
    }

    @Test
    void aDispenseThatCommitsFirstIsHeldAfterwardsAsARecalledBottle() throws Exception {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        DonorView donor = fixtures.eligibleDonor();
        BottleView bottle =
                fixtures.released(fixtures.containers(3, donor), 2).bottles().get(0);
        InfantView infant = fixtures.infantWithConsent();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> dispense = heldOpen(
                () -> Staff.as(
                        "dispenser-race",
                        Role.DISPENSER,
                        () -> dispensing.dispense(infant.id(), bottle.din(), "race test bottle")),
                done,
                commit);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> blocking = CompletableFuture.runAsync(() -> block(donor));
        assertThat(Latches.awaitSomeoneWaitingForALock(jdbc))
                .as("the block waits for the dispense")
                .isTrue();
        commit.countDown();
        dispense.get(30, TimeUnit.SECONDS);
        blocking.get(30, TimeUnit.SECONDS);

        assertThat(inventory.find(bottle.id()).orElseThrow().state()).isEqualTo(BottleState.DISPENSED);
        assertThat(activeHoldReasons(bottle.id())).containsExactly("donor.blocked");
    }

    @Test
    void aDispenseThatComesWhileTheBlockIsUncommittedWaitsAndIsRefused() throws Exception {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        DonorView donor = fixtures.eligibleDonor();
        BottleView bottle =
                fixtures.released(fixtures.containers(3, donor), 2).bottles().get(0);
        InfantView infant = fixtures.infantWithConsent();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> blocking = heldOpen(() -> block(donor), done, commit);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> dispense = CompletableFuture.runAsync(() -> Staff.as(
                "dispenser-race",
                Role.DISPENSER,
                () -> dispensing.dispense(infant.id(), bottle.din(), "race test bottle")));
        assertThat(Latches.awaitSomeoneWaitingForALock(jdbc))
                .as("the dispense waits for the block")
                .isTrue();
        commit.countDown();
        blocking.get(30, TimeUnit.SECONDS);

        assertThatThrownBy(() -> dispense.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo("gate.refused.DISPENSE");
                    assertThat(v.reasons()).extracting(r -> r.getCodes()[0]).contains("hold.reason.donor.blocked");
                });
        assertThat(inventory.find(bottle.id()).orElseThrow().state()).isEqualTo(BottleState.RELEASED);
        assertThat(dispensing.dispensesOf(infant.id())).isEmpty();
    }

    @Test
    void aPoolingThatCommitsWhileTheBlockWaitsIsHeldWithIt() throws Exception {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        DonorView donor = fixtures.eligibleDonor();
        List<RawContainerView> containers = fixtures.containers(3, donor);
        PoolView[] pooled = new PoolView[1];
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> pooling = heldOpen(
                () -> Staff.as(
                        "tech-race",
                        Role.LAB_TECHNICIAN,
                        () -> pooled[0] = pools.createPool(
                                containers.stream().map(RawContainerView::id).toList())),
                done,
                commit);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> blocking = CompletableFuture.runAsync(() -> block(donor));
        assertThat(Latches.awaitSomeoneWaitingForALock(jdbc))
                .as("the block waits for the pooling")
                .isTrue();
        commit.countDown();
        pooling.get(30, TimeUnit.SECONDS);
        blocking.get(30, TimeUnit.SECONDS);

        assertThat(activeHoldReasons(pooled[0].id())).contains("donor.blocked");
    }

    @Test
    void bottlesOfARunThatCommitsWhileTheBlockWaitsAreHeld() throws Exception {
        ProcessingFixtures.Technicians techs = ProcessingFixtures.Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 300);
        DonorView donor = donors.find(pool.donorIds().get(0)).orElseThrow();
        RunView[] recorded = new RunView[1];
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> running = heldOpen(
                () -> Staff.as(
                        techs.recorder(),
                        Role.LAB_TECHNICIAN,
                        () -> recorded[0] = runs.recordRun(ProcessingFixtures.holderRun(pool.id(), 3, 100))),
                done,
                commit);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> blocking = CompletableFuture.runAsync(() -> block(donor));
        assertThat(Latches.awaitSomeoneWaitingForALock(jdbc))
                .as("the block waits for the run")
                .isTrue();
        commit.countDown();
        running.get(30, TimeUnit.SECONDS);
        blocking.get(30, TimeUnit.SECONDS);

        assertThat(inventory.bottlesOfRun(recorded[0].id()))
                .hasSize(3)
                .allSatisfy(b -> assertThat(activeHoldReasons(b.id())).contains("donor.blocked"));
    }
}
