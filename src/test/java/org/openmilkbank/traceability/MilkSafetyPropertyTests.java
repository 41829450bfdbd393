package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.collection.RawMilk;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.donor.DeferralCategory;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.NewDeferral;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

/**
 * Random histories of a small bank — receptions, late results, deferrals, pools, runs, cultures, releases, recalls and
 * dispenses in any order, each step free to be refused — never let milk under a hold move on: no unit with an active
 * hold on itself or an ancestor, or inside a donor's risk window, is ever pooled, released or dispensed; and every
 * infant's trace names exactly the donors whose containers reach her bottles.
 */
class MilkSafetyPropertyTests {

    /** Borrows the integration tests' Spring context (one per JVM, cached by the test framework). */
    @IntegrationTest
    static class Context {}

    static ApplicationContext context;

    @BeforeContainer
    static void context() throws Exception {
        context = new TestContextManager(Context.class).getTestContext().getApplicationContext();
    }

    enum Step {
        RECEIVE,
        POSITIVE,
        DEFER,
        POOL,
        RUN,
        CULTURE,
        RELEASE,
        RECALL,
        DISPENSE
    }

    record Action(Step step, int who, int days) {}

    @Provide
    Arbitrary<List<Action>> histories() {
        Arbitrary<Action> action = net.jqwik.api.Combinators.combine(
                        Arbitraries.of(Step.class),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(1, 20))
                .as(Action::new);
        return action.list().ofMinSize(6).ofMaxSize(16);
    }

    @Property(tries = 6, seed = "20261201")
    void noHeldMilkEverMovesOnAndEveryTraceNamesExactlyItsDonors(@ForAll("histories") List<Action> history) {
        Instant start = Instant.now();
        Bank bank = new Bank();
        for (Action action : history) {
            try {
                bank.perform(action);
            } catch (RuleViolation refused) {
                // a refused step changes nothing; what matters is what got through
            }
        }
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        List<String> escapes = jdbc.sql("""
                        select e.type || ' ' || coalesce(u.din, u.code) || ' under hold ' || h.reason_code
                        from milk_event e
                        join milk_unit u on u.id = e.unit_id
                        join milk_ancestors(array[e.unit_id]) a on true
                        join milk_unit anc on anc.id = a.ancestor_id
                        join milk_hold h on h.placed_at < e.recorded_at
                            and (h.ended_at is null or h.ended_at > e.recorded_at)
                            and h.kind <> 'CULTURE'
                            and ((h.scope = 'UNIT' and h.unit_id = anc.id)
                              or (h.scope = 'DONOR_WINDOW' and anc.kind = 'CONTAINER' and h.donor_id = anc.donor_id
                                  and (h.window_from is null or anc.expressed_on >= h.window_from)
                                  and (h.window_to is null or anc.expressed_on <= h.window_to)))
                        where e.type in ('POOLED', 'RELEASED', 'DISPENSED') and e.recorded_at >= :start
                        """)
                .param("start", java.sql.Timestamp.from(start))
                .query(String.class)
                .list();
        assertThat(escapes).as("milk that moved on under a hold").isEmpty();

        Traceability traceability = context.getBean(Traceability.class);
        for (UUID infant : bank.infantsFed) {
            Set<UUID> traced = new HashSet<>();
            Staff.as(
                    "manager-property",
                    Role.MANAGER,
                    () -> traceability.fromInfant(infant).donors().forEach(d -> traced.add(d.id())));
            Set<UUID> reached = new HashSet<>(
                    jdbc.sql("""
                            select distinct pc.donor_id from dispense ds
                            join bottle b on b.id = ds.bottle_id
                            join pool_container pc on pc.pool_id = b.pool_id
                            where ds.infant_id = :infant
                            """).param("infant", infant).query(UUID.class).list());
            assertThat(traced).as("donors in the trace of an infant").isEqualTo(reached);
        }
    }

    /** A small bank: two eligible donors, their containers, and whatever the history made of them. */
    static final class Bank {
        final DispensingFixtures fixtures = new DispensingFixtures(context);
        final DonorManagement donors = context.getBean(DonorManagement.class);
        final PoolManagement pools = context.getBean(PoolManagement.class);
        final PasteurisationManagement runs = context.getBean(PasteurisationManagement.class);
        final Inventory inventory = context.getBean(Inventory.class);
        final DispensingManagement dispensing = context.getBean(DispensingManagement.class);
        final RawMilk rawMilk = context.getBean(RawMilk.class);
        final Recalls recalls = context.getBean(Recalls.class);
        final Standards standards = context.getBean(Standards.class);
        final List<DonorView> donorList = List.of(fixtures.eligibleDonor(), fixtures.eligibleDonor());
        final List<RawContainerView> containers = new ArrayList<>();
        final List<PoolView> madePools = new ArrayList<>();
        final List<RunView> madeRuns = new ArrayList<>();
        final InfantView infant = fixtures.infantWithConsent();
        final Set<UUID> infantsFed = new HashSet<>();

        void perform(Action a) {
            DonorView donor = donorList.get(a.who());
            LocalDate today = DispensingFixtures.today();
            switch (a.step()) {
                case RECEIVE -> containers.addAll(fixtures.containers(a.days(), donor));
                case POSITIVE ->
                    Staff.as(
                            "coordinator-property",
                            Role.DONOR_COORDINATOR,
                            () -> donors.recordSerology(
                                    donor.id(),
                                    standards.activeProfile().serologyPanel().get(0),
                                    today.minusDays(a.days() % 5),
                                    SerologyOutcome.POSITIVE,
                                    "PROPERTY"));
                case DEFER ->
                    Staff.as(
                            "coordinator-property",
                            Role.DONOR_COORDINATOR,
                            () -> donors.defer(
                                    donor.id(),
                                    new NewDeferral(
                                            DeferralCategory.ILLNESS,
                                            false,
                                            today,
                                            today.plusDays(14),
                                            false,
                                            "fever")));
                case POOL -> {
                    List<UUID> ids = containers.stream()
                            .map(RawContainerView::id)
                            .filter(id ->
                                    rawMilk.usableForPooling(today).stream().anyMatch(c -> c.id().equals(id)))
                            .toList();
                    // also try milk the store would not offer: the gate must refuse it
                    List<UUID> chosen = ids.isEmpty()
                            ? containers.stream()
                                    .map(RawContainerView::id)
                                    .limit(2)
                                    .toList()
                            : ids.subList(0, Math.min(2, ids.size()));
                    if (!chosen.isEmpty()) {
                        PoolView pool =
                                lab(() -> pools.createPool(chosen, DonorFixtures.POOLED_AGO.apply(Instant.now())));
                        madePools.add(
                                pool.state() == PoolState.AWAITING_PRE_CULTURE
                                        ? lab(() -> pools.recordPreCulture(pool.id(), 100, 0L, 0L))
                                        : pool);
                    }
                }
                case RUN -> {
                    if (!madePools.isEmpty()) {
                        PoolView pool = madePools.get(madePools.size() - 1);
                        madeRuns.add(lab(() -> runs.recordRun(ProcessingFixtures.holderRun(pool.id(), 2, 100))));
                    }
                }
                case CULTURE ->
                    lastRun()
                            .ifPresent(r -> Staff.as(
                                    "tech-recorder",
                                    Role.LAB_TECHNICIAN,
                                    // a negative read now is refused (48 h incubation); a growth discards the run
                                    () -> runs.recordPostCulture(r.id(), a.days() % 2 == 0 ? 0 : 50, null)));
                case RELEASE -> lastRun().ifPresent(r -> ProcessingFixtures.releaseBySecondTechnician(context, r.id()));
                case RECALL -> {
                    if (!madePools.isEmpty()) {
                        PoolView pool = madePools.get(a.days() % madePools.size());
                        Staff.as(
                                "manager-property",
                                Role.MANAGER,
                                () -> recalls.open(
                                        new RecallSource(RecallSource.Kind.UNIT, pool.din(), null, null, null),
                                        "property test"));
                    }
                }
                case DISPENSE -> {
                    for (RunView run : madeRuns) {
                        for (BottleView b : inventory.bottlesOfRun(run.id())) {
                            try {
                                Staff.as(
                                        "dispenser-property",
                                        Role.DISPENSER,
                                        () -> dispensing.dispense(infant.id(), b.din(), "property test"));
                                infantsFed.add(infant.id());
                                return;
                            } catch (RuleViolation refused) {
                                // the next bottle
                            }
                        }
                    }
                }
            }
        }

        private static <T> T lab(java.util.function.Supplier<T> action) {
            Object[] result = new Object[1];
            Staff.as("tech-recorder", Role.LAB_TECHNICIAN, () -> result[0] = action.get());
            @SuppressWarnings("unchecked")
            T t = (T) result[0];
            return t;
        }

        private java.util.Optional<RunView> lastRun() {
            return madeRuns.isEmpty()
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(madeRuns.get(madeRuns.size() - 1));
        }
    }
}
