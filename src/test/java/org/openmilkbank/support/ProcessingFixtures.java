package org.openmilkbank.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.ManualRuns;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunRecord;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.springframework.context.ApplicationContext;

/**
 * Pools, runs and bottles reached through the real APIs: an eligible donor's milk is received, pooled (with a
 * clean pre-culture when the active standard asks for one), pasteurised at the Holder minimums, cultured and
 * released by a second lab technician. Pass the test's {@link ApplicationContext} ({@code @Autowired}).
 */
public final class ProcessingFixtures {

    private ProcessingFixtures() {}

    /** Two lab technicians: the first records runs, the second releases them. */
    public record Technicians(String recorder, String releaser) {
        public static Technicians create(ApplicationContext context) {
            IdentityManagement identity = context.getBean(IdentityManagement.class);
            return new Technicians(
                    Staff.create(identity, Role.LAB_TECHNICIAN), Staff.create(identity, Role.LAB_TECHNICIAN));
        }
    }

    /** A new eligible donor's donation, received today with the containers expressed {@code daysAgo} days ago. */
    public static DonationView receivedDonation(ApplicationContext context, int daysAgo, int... volumesMl) {
        // by the real day, as the fixtures receive, pool and pasteurise by the real time: a test that moved the bank's
        // clock ahead leaves them all in the bank's past, and in order
        LocalDate today = LocalDate.ofInstant(
                java.time.Instant.now(), context.getBean(Clock.class).getZone());
        DonorManagement donors = context.getBean(DonorManagement.class);
        Standards standards = context.getBean(Standards.class);
        CollectionManagement collection = context.getBean(CollectionManagement.class);
        return system(() -> {
            DonorView donor = DonorFixtures.eligibleDonor(donors, standards, today.minusDays(daysAgo + 10L));
            return DonorFixtures.receive(collection, donor.id(), today.minusDays(daysAgo), volumesMl);
        });
    }

    /**
     * How long before now a cultured unit's milk was received: a culture is read negative only after the profile's
     * incubation (48 h), so milk that must pass a culture is received, pooled and pasteurised days ago.
     */
    static final Duration CULTURED_RECEIVED_AGO = Duration.ofHours(110);

    /** A pool of one new donor's containers, after the pre-culture if the active standard requires one. */
    public static PoolView readyPool(ApplicationContext context, String technician, int... volumesMl) {
        boolean cultured = context.getBean(Standards.class).activeProfile().preCultureRequired();
        return pool(context, technician, cultured, volumesMl);
    }

    /**
     * A pool of one new donor's containers; {@code aged}: received {@link #CULTURED_RECEIVED_AGO} ago and pooled
     * an hour later, so that its culture and its run's can be read negative now. Its pre-culture, if the standard
     * requires one, was sampled as it was mixed and is read now.
     */
    /**
     * A ready pool of milk received {@link #CULTURED_RECEIVED_AGO} ago and pooled an hour later: a run of it may end
     * days ago, so that its culture can be read negative now.
     */
    public static PoolView agedReadyPool(ApplicationContext context, String technician, int... volumesMl) {
        return pool(context, technician, true, volumesMl);
    }

    /** When an aged pool's milk was received (see {@link #agedReadyPool}). */
    public static Instant agedReceivedAt() {
        return Instant.now().minus(CULTURED_RECEIVED_AGO);
    }

    /** A new eligible donor's donation expressed {@code daysAgo} days ago, received at {@code receivedAt}. */
    public static DonationView receivedDonation(
            ApplicationContext context, int daysAgo, Instant receivedAt, int... volumesMl) {
        LocalDate today = LocalDate.now(context.getBean(Clock.class));
        DonorManagement donors = context.getBean(DonorManagement.class);
        Standards standards = context.getBean(Standards.class);
        CollectionManagement collection = context.getBean(CollectionManagement.class);
        return system(() -> {
            DonorView donor = DonorFixtures.eligibleDonor(donors, standards, today.minusDays(daysAgo + 10L));
            return DonorFixtures.receive(collection, donor.id(), today.minusDays(daysAgo), receivedAt, volumesMl);
        });
    }

    static PoolView pool(ApplicationContext context, String technician, boolean aged, int... volumesMl) {
        Instant now = Instant.now();
        DonationView donation = aged ? agedDonation(context, now, volumesMl) : receivedDonation(context, 3, volumesMl);
        PoolManagement pools = context.getBean(PoolManagement.class);
        List<UUID> ids =
                donation.containers().stream().map(RawContainerView::id).toList();
        Instant madeAt =
                aged ? now.minus(CULTURED_RECEIVED_AGO).plus(Duration.ofHours(1)) : DonorFixtures.POOLED_AGO.apply(now);
        return as(technician, () -> {
            PoolView pool = pools.createPool(ids, madeAt);
            return pool.state() == PoolState.AWAITING_PRE_CULTURE
                    ? pools.recordPreCulture(pool.id(), 1_000, 0L, 0L, madeAt.plus(Duration.ofMinutes(5)))
                    : pool;
        });
    }

    private static DonationView agedDonation(ApplicationContext context, Instant now, int... volumesMl) {
        LocalDate today = LocalDate.now(context.getBean(Clock.class));
        DonorManagement donors = context.getBean(DonorManagement.class);
        Standards standards = context.getBean(Standards.class);
        CollectionManagement collection = context.getBean(CollectionManagement.class);
        return system(() -> {
            DonorView donor = DonorFixtures.eligibleDonor(donors, standards, today.minusDays(20));
            return DonorFixtures.receive(
                    collection, donor.id(), today.minusDays(6), now.minus(CULTURED_RECEIVED_AGO), volumesMl);
        });
    }

    /** A Holder run that ended an hour ago at exactly 62.5 °C for 30 minutes. */
    public static RunRecord holderRun(UUID poolId, int bottleCount, int bottleVolumeMl) {
        Instant end = Instant.now().minus(Duration.ofHours(1));
        return new RunRecord(
                poolId,
                "PAST-1",
                end.minus(Duration.ofMinutes(75)),
                end,
                new BigDecimal("62.5"),
                30,
                bottleCount,
                bottleVolumeMl);
    }

    /** A passed run whose bottles wait in quarantine for their culture. */
    public static RunView quarantinedRun(
            ApplicationContext context, Technicians techs, int bottleCount, int bottleVolumeMl) {
        PoolView pool = readyPool(context, techs.recorder(), containers(bottleCount * bottleVolumeMl));
        PasteurisationManagement runs = context.getBean(PasteurisationManagement.class);
        RunView run = as(techs.recorder(), () -> runs.recordRun(holderRun(pool.id(), bottleCount, bottleVolumeMl)));
        confirmIfManual(context, techs.releaser(), run.id());
        return run;
    }

    /**
     * A run with a negative post-pasteurisation culture, waiting for the second signature: its milk was pooled and
     * pasteurised days ago, sampled as the run ended and read now, after the profile's incubation.
     */
    public static RunView cultureNegativeRun(
            ApplicationContext context, Technicians techs, int bottleCount, int bottleVolumeMl) {
        PoolView pool = pool(context, techs.recorder(), true, containers(bottleCount * bottleVolumeMl));
        PasteurisationManagement runs = context.getBean(PasteurisationManagement.class);
        Instant end = Instant.now().minus(CULTURED_RECEIVED_AGO).plus(Duration.ofHours(3));
        RunView run = as(
                techs.recorder(),
                () -> runs.recordRun(new RunRecord(
                        pool.id(),
                        "PAST-1",
                        end.minus(Duration.ofMinutes(75)),
                        end,
                        new BigDecimal("62.5"),
                        30,
                        bottleCount,
                        bottleVolumeMl)));
        confirmIfManual(context, techs.releaser(), run.id());
        return as(techs.recorder(), () -> runs.recordPostCulture(run.id(), 0, null, end.plus(Duration.ofMinutes(5))));
    }

    /**
     * A passed run of milk pooled and pasteurised days ago, not cultured yet: a culture sampled as it ended can be
     * read negative now.
     */
    public static RunView agedQuarantinedRun(
            ApplicationContext context, Technicians techs, int bottleCount, int bottleVolumeMl) {
        PoolView pool = pool(context, techs.recorder(), true, containers(bottleCount * bottleVolumeMl));
        PasteurisationManagement runs = context.getBean(PasteurisationManagement.class);
        Instant end = Instant.now().minus(CULTURED_RECEIVED_AGO).plus(Duration.ofHours(3));
        RunView run = as(
                techs.recorder(),
                () -> runs.recordRun(new RunRecord(
                        pool.id(),
                        "PAST-1",
                        end.minus(Duration.ofMinutes(75)),
                        end,
                        new BigDecimal("62.5"),
                        30,
                        bottleCount,
                        bottleVolumeMl)));
        confirmIfManual(context, techs.releaser(), run.id());
        return run;
    }

    /** A released run: its bottles are in stock and may be dispensed. */
    public static RunView releasedRun(
            ApplicationContext context, Technicians techs, int bottleCount, int bottleVolumeMl) {
        RunView run = cultureNegativeRun(context, techs, bottleCount, bottleVolumeMl);
        PasteurisationManagement runs = context.getBean(PasteurisationManagement.class);
        confirmIfManual(context, techs.releaser(), run.id());
        return as(techs.releaser(), () -> runs.release(run.id(), Staff.PASSWORD));
    }

    /**
     * Releases the run as a new lab technician (not its recorder), who signs with her own password: the second
     * signature a release needs.
     */
    public static RunView releaseBySecondTechnician(ApplicationContext context, UUID runId) {
        String releaser = Staff.create(context.getBean(IdentityManagement.class), Role.LAB_TECHNICIAN);
        PasteurisationManagement runs = context.getBean(PasteurisationManagement.class);
        confirmIfManual(context, releaser, runId);
        return as(releaser, () -> runs.release(runId, Staff.PASSWORD));
    }

    /**
     * A typed run is a manual record: the second person who releases it first confirms it with her password, as
     * she would on its page. A run judged by its log needs no confirmation.
     */
    public static void confirmIfManual(ApplicationContext context, String secondPerson, UUID runId) {
        ManualRuns manual = context.getBean(ManualRuns.class);
        if (manual.awaitsConfirmation(runId)) {
            as(secondPerson, () -> manual.confirm(runId, Staff.PASSWORD));
        }
    }

    public static RunView releasedRun(ApplicationContext context, int bottleCount, int bottleVolumeMl) {
        return releasedRun(context, Technicians.create(context), bottleCount, bottleVolumeMl);
    }

    /** Released bottles of a new run, ready to dispense. */
    public static List<BottleView> releasedBottles(ApplicationContext context, int bottleCount, int bottleVolumeMl) {
        RunView run = releasedRun(context, bottleCount, bottleVolumeMl);
        return context.getBean(Inventory.class).bottlesOfRun(run.id());
    }

    /** Bottles of a new run still in quarantine (not dispensable). */
    public static List<BottleView> quarantinedBottles(ApplicationContext context, int bottleCount, int bottleVolumeMl) {
        RunView run = quarantinedRun(context, Technicians.create(context), bottleCount, bottleVolumeMl);
        return context.getBean(Inventory.class).bottlesOfRun(run.id());
    }

    /** Splits a volume into containers the reception accepts (at most 1,000 mL each). */
    static int[] containers(int totalMl) {
        int max = CollectionManagement.MAX_CONTAINER_VOLUME_ML;
        int n = (totalMl + max - 1) / max;
        int[] volumes = new int[n];
        for (int i = 0; i < n; i++) {
            volumes[i] = Math.min(max, totalMl - i * max);
        }
        return volumes;
    }

    static <T> T as(String username, Supplier<T> action) {
        Object[] result = new Object[1];
        Staff.as(username, Role.LAB_TECHNICIAN, () -> result[0] = action.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    static <T> T system(Supplier<T> action) {
        Object[] result = new Object[1];
        Staff.asSystem(() -> result[0] = action.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
