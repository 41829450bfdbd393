package org.openmilkbank.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class TakeForPoolConcurrencyTests {

    @Autowired
    RawMilk rawMilk;

    @Autowired
    CollectionManagement collection;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Test
    void twoPoolsTakingTheSameContainerAtOnceCannotBothHaveIt() throws Exception {
        LocalDate today = LocalDate.now(clock);
        AtomicReference<UUID> container = new AtomicReference<>();
        Staff.asSystem(() -> {
            var donor = DonorFixtures.eligibleDonor(donors, standards, today);
            container.set(DonorFixtures.receive(collection, donor.id(), today, 100)
                    .containers()
                    .get(0)
                    .id());
        });
        UUID firstPool = UUID.randomUUID();
        UUID secondPool = UUID.randomUUID();
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch secondHasStarted = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = executor.submit(() -> transactions.executeWithoutResult(tx -> {
                rawMilk.takeForPool(List.of(container.get()), firstPool, Din.of("A0001", 26, 990_101), Instant.now());
                firstHoldsTheLock.countDown();
                await(secondHasStarted);
                sleep(300); // the second pool is now waiting on the row lock
            }));
            await(firstHoldsTheLock);
            Future<Throwable> second = executor.submit(() -> {
                secondHasStarted.countDown();
                try {
                    transactions.executeWithoutResult(tx -> rawMilk.takeForPool(
                            List.of(container.get()), secondPool, Din.of("A0001", 26, 990_102), Instant.now()));
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            });
            first.get(30, TimeUnit.SECONDS);
            Throwable refused = second.get(30, TimeUnit.SECONDS);

            assertThat(refused).isInstanceOf(RuleViolation.class);
            assertThat(((RuleViolation) refused).code()).isEqualTo("collection.container.notRawFrozen");
            RawContainerView stored = rawMilk.findByDin(
                            collection
                                    .containers(ContainerState.POOLED, new org.openmilkbank.shared.PageRequest(1, 200))
                                    .items()
                                    .stream()
                                    .filter(c -> c.id().equals(container.get()))
                                    .findFirst()
                                    .orElseThrow()
                                    .din())
                    .orElseThrow();
            assertThat(stored.state()).isEqualTo(ContainerState.POOLED);
            assertThat(collection.container(stored.din()).orElseThrow().poolId())
                    .isEqualTo(firstPool);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
