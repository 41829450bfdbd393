package org.openmilkbank.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.NewInfant;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunRecord;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.springframework.context.ApplicationContext;

/**
 * The milk's whole path reached through the real module APIs: eligible donors, received containers, a pool,
 * a passed Holder run, a negative culture and a release signed by a second technician, then infants.
 * Make one in an {@code @IntegrationTest} with {@code new DispensingFixtures(applicationContext)}.
 */
public class DispensingFixtures {

    private static final AtomicInteger INFANTS = new AtomicInteger();

    /**
     * Containers are received this long ago at the latest (not before the day they were expressed), so that a run
     * of them can have its culture read negative now, after the profile's 48 h incubation.
     */
    private static final java.time.Duration RECEIVED_AGO = java.time.Duration.ofHours(60);

    private final java.util.Map<UUID, Instant> receivedAt = new java.util.concurrent.ConcurrentHashMap<>();

    private final DonorManagement donors;
    private final CollectionManagement collection;
    private final Standards standards;
    private final PoolManagement pools;
    private final PasteurisationManagement runs;
    private final Inventory inventory;
    private final DispensingManagement dispensing;
    private final ApplicationContext context;

    public DispensingFixtures(ApplicationContext context) {
        this.context = context;
        this.donors = context.getBean(DonorManagement.class);
        this.collection = context.getBean(CollectionManagement.class);
        this.standards = context.getBean(Standards.class);
        this.pools = context.getBean(PoolManagement.class);
        this.runs = context.getBean(PasteurisationManagement.class);
        this.inventory = context.getBean(Inventory.class);
        this.dispensing = context.getBean(DispensingManagement.class);
    }

    /** A pool, its run and bottles, from containers of the given donors. */
    private String device = "PAST-1";

    private BigDecimal holdTemperatureC = new BigDecimal("62.5");

    /** Later runs are recorded on this device, typed with this hold temperature. */
    public DispensingFixtures on(String device, BigDecimal holdTemperatureC) {
        this.device = device;
        this.holdTemperatureC = holdTemperatureC;
        return this;
    }

    public record Batch(PoolView pool, RunView run, List<BottleView> bottles, List<RawContainerView> containers) {}

    public DonorView eligibleDonor() {
        DonorView[] donor = new DonorView[1];
        Staff.asSystem(() -> donor[0] = DonorFixtures.eligibleDonor(donors, standards, today().minusDays(90)));
        return donor[0];
    }

    /** One container of 500 mL per donor, expressed {@code daysAgo} days ago. */
    public List<RawContainerView> containers(int daysAgo, DonorView... of) {
        List<RawContainerView> received = new ArrayList<>();
        Staff.asSystem(() -> {
            for (DonorView d : of) {
                LocalDate expressed = today().minusDays(daysAgo);
                Instant dayStart = expressed
                        .atStartOfDay(context.getBean(java.time.Clock.class).getZone())
                        .toInstant()
                        .plus(1, ChronoUnit.MINUTES);
                Instant at = Instant.now().minus(RECEIVED_AGO);
                Instant when = at.isBefore(dayStart) ? dayStart : at;
                List<RawContainerView> got = DonorFixtures.receive(collection, d.id(), expressed, when, 500)
                        .containers();
                got.forEach(c -> receivedAt.put(c.id(), when));
                received.addAll(got);
            }
        });
        return received;
    }

    /** Pools the containers and pasteurises them into {@code bottles} bottles of 100 mL, left in quarantine. */
    public Batch quarantined(List<RawContainerView> containers, int bottles) {
        Batch[] batch = new Batch[1];
        Staff.as("tech-recorder", Role.LAB_TECHNICIAN, () -> {
            // pooled ten minutes after the last of them arrived, pasteurised twenty minutes later
            Instant pooledAt = containers.stream()
                    .map(c -> receivedAt.getOrDefault(c.id(), DonorFixtures.RECEIVED_AGO.apply(Instant.now())))
                    .max(java.util.Comparator.naturalOrder())
                    .orElseThrow()
                    .plus(10, ChronoUnit.MINUTES);
            PoolView pool = pools.createPool(
                    containers.stream().map(RawContainerView::id).toList(), pooledAt);
            Instant end = pooledAt.plus(110, ChronoUnit.MINUTES);
            RunView run = runs.recordRun(new RunRecord(
                    pool.id(), device, end.minus(70, ChronoUnit.MINUTES), end, holdTemperatureC, 30, bottles, 100));
            // the one run of the pool: what it did not bottle is discarded, so the pool is pasteurised and closed
            org.openmilkbank.processing.PoolVolumes volumes =
                    context.getBean(org.openmilkbank.processing.PoolVolumes.class);
            if (run.passed() && volumes.of(pool.id()).leftMl() > 0) {
                volumes.close(pool.id(), org.openmilkbank.processing.RemainderReason.TOO_LITTLE_LEFT, null);
            }
            batch[0] = new Batch(pool, run, inventory.bottlesOfRun(run.id()), containers);
        });
        return batch[0];
    }

    /** As {@link #quarantined}, then a negative culture and the release by a second technician. */
    public Batch released(List<RawContainerView> containers, int bottles) {
        Batch q = quarantined(containers, bottles);
        Staff.as(
                "tech-recorder",
                Role.LAB_TECHNICIAN,
                () -> runs.recordPostCulture(
                        q.run().id(), 0, null, q.run().endedAt().plus(1, ChronoUnit.MINUTES)));
        ProcessingFixtures.releaseBySecondTechnician(context, q.run().id());
        return new Batch(
                q.pool(),
                runs.find(q.run().id()).orElseThrow(),
                inventory.bottlesOfRun(q.run().id()),
                containers);
    }

    public InfantView infantWithConsent() {
        return infant(true);
    }

    /** An infant with consent and an order of donor milk in force from today: 120 mL a day in 8 feeds of 15 mL. */
    public InfantView orderedInfant() {
        InfantView infant = infantWithConsent();
        order(infant);
        return infant;
    }

    /** An order of donor milk for the infant, requested by a nurse, in force from today. */
    public UUID order(InfantView infant) {
        UUID[] order = new UUID[1];
        Staff.as(
                "nurse-fixture",
                Role.NURSE,
                () -> order[0] = context.getBean(org.openmilkbank.dispensing.orders.OrderManagement.class)
                        .request(
                                infant.id(),
                                new org.openmilkbank.dispensing.orders.OrderTerms(
                                        120, 15, 8, today(), null, null, null, "Dr Lan"))
                        .id());
        return order[0];
    }

    public InfantView infant(boolean consent) {
        int n = INFANTS.incrementAndGet();
        InfantView[] infant = new InfantView[1];
        Staff.as(
                "nurse-fixture",
                Role.NURSE,
                () -> infant[0] = dispensing.registerInfant(new NewInfant(
                        "HN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                        "Baby " + n,
                        null,
                        today().minusDays(10),
                        29,
                        3,
                        1250,
                        "NICU",
                        consent ? true : null,
                        consent ? today().minusDays(9) : null)));
        return infant[0];
    }

    public void dispense(InfantView infant, BottleView bottle) {
        // a shared test bank holds other tests' bottles that may expire first: the fixture names its choice
        Staff.as(
                "dispenser-fixture",
                Role.DISPENSER,
                () -> dispensing.dispense(infant.id(), bottle.din(), "chosen for this test"));
    }

    public static LocalDate today() {
        return LocalDate.now();
    }
}
