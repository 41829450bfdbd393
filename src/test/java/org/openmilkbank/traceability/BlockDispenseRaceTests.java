package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Latches;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A dispense racing the block on its donor's milk, in two transactions on two threads. Whichever takes the bottle's
 * row lock first wins; the other waits for its commit. Never a dispensed bottle of a blocked donor that the
 * look-back misses, never a blocked bottle dispensed.
 */
@IntegrationTest
class BlockDispenseRaceTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    DonorManagement donors;

    @Autowired
    DispensingManagement dispensing;

    @Autowired
    Inventory inventory;

    @Autowired
    Standards standards;

    @Autowired
    LookBacks lookBacks;

    @Autowired
    TransactionTemplate transactions;

    DonorView donor;
    BottleView bottle;
    InfantView infant;

    @BeforeEach
    void releasedBottle() {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        donor = fixtures.eligibleDonor();
        bottle = fixtures.released(fixtures.containers(3, donor), 2).bottles().get(0);
        infant = fixtures.infantWithConsent();
    }

    private void dispense() {
        org.openmilkbank.support.Staff.as(
                "dispenser-race", Role.DISPENSER, () -> dispensing.dispense(infant.id(), bottle.din()));
    }

    private void block() {
        org.openmilkbank.support.Staff.as(
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
    void aDispenseThatCommitsFirstIsBlockedAfterwardsAndTheLookBackNamesTheInfant() throws Exception {
        CountDownLatch dispensed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> dispensing = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            dispense();
            dispensed.countDown();
            Latches.awaitCommit(commit);
        }));
        assertThat(dispensed.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> blocking = CompletableFuture.runAsync(this::block);
        // the block waits for the dispense's row lock on the bottle
        assertThat(waitsAtLeast(blocking)).isTrue();
        commit.countDown();
        dispensing.get(30, TimeUnit.SECONDS);
        blocking.get(30, TimeUnit.SECONDS);

        assertThat(inventory.find(bottle.id()).orElseThrow().state()).isEqualTo(BottleState.BLOCKED);
        assertThat(lookBacks.forDonor(donor.id()).recipients()).singleElement().satisfies(r -> {
            assertThat(r.infantId()).isEqualTo(infant.id());
            assertThat(r.bottleId()).isEqualTo(bottle.id());
            assertThat(r.recalled()).isTrue();
        });
    }

    @Test
    void aDispenseThatComesWhileTheBlockIsUncommittedWaitsAndIsRefused() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> blocking = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            block();
            blocked.countDown();
            Latches.awaitCommit(commit);
        }));
        assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> dispensing = CompletableFuture.runAsync(this::dispense);
        assertThat(waitsAtLeast(dispensing)).isTrue();
        commit.countDown();
        blocking.get(30, TimeUnit.SECONDS);

        assertThatThrownBy(() -> dispensing.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.code()).isEqualTo("inventory.bottle.blocked"));
        assertThat(inventory.find(bottle.id()).orElseThrow().state()).isEqualTo(BottleState.BLOCKED);
        assertThat(this.dispensing.dispensesOf(infant.id())).isEmpty();
        assertThat(lookBacks.forDonor(donor.id()).recipients()).isEmpty();
    }

    /** Whether the work is still waiting (for a row lock) a moment after it started. */
    private static boolean waitsAtLeast(CompletableFuture<Void> work) throws InterruptedException {
        Thread.sleep(500);
        return !work.isDone();
    }
}
