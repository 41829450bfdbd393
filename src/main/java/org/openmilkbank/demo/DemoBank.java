package org.openmilkbank.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerIntake;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.collection.RawMilk;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.NewInfant;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.NewDonor;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.lab.CultureCount;
import org.openmilkbank.lab.LabManagement;
import org.openmilkbank.lab.Organism;
import org.openmilkbank.lab.SamplePurpose;
import org.openmilkbank.lab.SampleView;
import org.openmilkbank.pasteurization.BottleLine;
import org.openmilkbank.pasteurization.ManualRuns;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.PasteurisationMethod;
import org.openmilkbank.pasteurization.RunRecord;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.processing.PoolVolumes;
import org.openmilkbank.processing.RemainderReason;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Builds a living demo bank through the modules' own APIs, as the bank's staff would: six weeks of donors and
 * donations, pools, pasteurisation runs (one failed cycle, one positive culture), bottles in every state,
 * infants and feeds. Deterministic: the same seed gives the same bank.
 */
@Component
class DemoBank {

    private static final Logger log = LoggerFactory.getLogger(DemoBank.class);
    static final String PASSWORD = "milkbank-demo";
    private static final int POOLS = 8;

    record DemoStaff(String username, String name, Role role) {}

    static final List<DemoStaff> STAFF = List.of(
            new DemoStaff("coordinator", "Nguyễn Thị Hoa", Role.DONOR_COORDINATOR),
            new DemoStaff("labtech", "Trần Văn Minh", Role.LAB_TECHNICIAN),
            new DemoStaff("labtech2", "Phạm Thu Trang", Role.LAB_TECHNICIAN),
            new DemoStaff("dispenser", "Lê Quang Huy", Role.DISPENSER),
            new DemoStaff("nurse", "Souksavanh Phommachanh", Role.NURSE),
            new DemoStaff("manager", "Đặng Minh Châu", Role.MANAGER));

    private static final String[][] DONORS = {
        {"Lan", "Nguyễn"},
        {"Mai", "Trần"},
        {"Hương", "Lê"},
        {"Thảo", "Phạm"},
        {"Ngọc", "Hoàng"},
        {"Linh", "Vũ"},
        {"Chanthavy", "Sisouphanh"},
        {"Vilayvanh", "Keomany"},
        {"Emma", "Walker"},
        {"Hà", "Đỗ"},
        {"Yến", "Bùi"},
        {"Trang", "Đinh"}
    };

    private final IdentityManagement identity;
    private final Standards standards;
    private final DonorManagement donors;
    private final CollectionManagement collection;
    private final RawMilk rawMilk;
    private final PoolManagement pools;
    private final PasteurisationManagement runs;
    private final PoolVolumes poolVolumes;
    private final Inventory inventory;
    private final LabManagement lab;
    private final DispensingManagement dispensing;
    private final Clock clock;
    private final ManualRuns manualRuns;

    DemoBank(
            IdentityManagement identity,
            Standards standards,
            DonorManagement donors,
            CollectionManagement collection,
            RawMilk rawMilk,
            PoolManagement pools,
            PasteurisationManagement runs,
            Inventory inventory,
            LabManagement lab,
            DispensingManagement dispensing,
            Clock clock,
            PoolVolumes poolVolumes,
            ManualRuns manualRuns) {
        this.manualRuns = manualRuns;
        this.poolVolumes = poolVolumes;
        this.identity = identity;
        this.standards = standards;
        this.donors = donors;
        this.collection = collection;
        this.rawMilk = rawMilk;
        this.pools = pools;
        this.runs = runs;
        this.inventory = inventory;
        this.lab = lab;
        this.dispensing = dispensing;
        this.clock = clock;
    }

    boolean hasDemoStaff() {
        return STAFF.stream()
                .allMatch(s -> identity.findByUsername(s.username()).isPresent());
    }

    boolean isEmpty() {
        return donors.search("").isEmpty();
    }

    void build() {
        Random random = new Random(20261121L);
        LocalDate today = LocalDate.now(clock);
        // a Vietnamese bank: "Nguyễn Lan" on every page, whatever its standard profile's country writes
        standards.chooseNamesOrder(NameOrder.FAMILY_FIRST, "Vietnamese bank: family name first");

        // Donors: most screened negative six weeks ago; one with a positive result; one still in screening.
        List<DonorView> eligible = new ArrayList<>();
        as("coordinator", Role.DONOR_COORDINATOR, () -> {
            for (int i = 0; i < DONORS.length; i++) {
                DonorView donor = donors.register(new NewDonor(
                        DONORS[i][0],
                        DONORS[i][1],
                        today.minusYears(24 + random.nextInt(14)).minusDays(random.nextInt(300)),
                        "+84 9" + (10_000_000 + random.nextInt(89_999_999)),
                        (i % 3 == 0
                                ? "Đống Đa, Hà Nội"
                                : i % 3 == 1 ? "Hải Châu, Đà Nẵng" : "Chanthabouly, Vientiane")));
                if (i == DONORS.length - 1) {
                    continue; // still in screening: no results yet
                }
                LocalDate sampled = today.minusDays(60 + random.nextInt(10));
                screen(donor.id(), sampled);
                for (String test : standards.activeProfile().serologyPanel()) {
                    boolean positive = i == DONORS.length - 2 && test.equals("HBV");
                    donors.recordSerology(
                            donor.id(),
                            test,
                            sampled,
                            positive ? SerologyOutcome.POSITIVE : SerologyOutcome.NEGATIVE,
                            "HN-LAB-" + (4000 + i * 10 + test.length()));
                }
                if (i < DONORS.length - 2) {
                    eligible.add(donor);
                }
            }
        });

        // Six weeks of donations: each eligible donor brings frozen containers every week or two.
        Map<UUID, Instant> received = new LinkedHashMap<>();
        as("coordinator", Role.DONOR_COORDINATOR, () -> {
            for (DonorView donor : eligible) {
                for (int week = 6; week >= 0; week -= 1 + random.nextInt(2)) {
                    LocalDate expressed = today.minusWeeks(week).minusDays(random.nextInt(3) + 1);
                    int count = 3 + random.nextInt(4);
                    List<ContainerIntake> intakes = new ArrayList<>();
                    for (int c = 0; c < count; c++) {
                        intakes.add(new ContainerIntake(
                                10 * (10 + random.nextInt(16)), expressed.minusDays(random.nextInt(2))));
                    }
                    // received the morning after she expressed it, spread over the six weeks like a real bank's
                    Instant receivedAt = expressed
                            .plusDays(1)
                            .atTime(10, random.nextInt(50))
                            .atZone(clock.getZone())
                            .toInstant();
                    Instant latest = Instant.now(clock).minus(Duration.ofHours(1));
                    DonationView donation = collection.receive(
                            donor.id(),
                            null,
                            intakes,
                            week == 0 ? "Home pick-up" : null,
                            receivedAt.isAfter(latest) ? latest : receivedAt);
                    donation.containers().forEach(c -> received.put(c.id(), donation.receivedAt()));
                }
            }
        });

        // Pools from the oldest raw milk, up to the profile's donor limit, each mixed the morning after its newest
        // container arrived, so the lab's work is spread over the weeks like the reception's; the newest milk stays
        // raw.
        int maxDonors = standards.activeProfile().poolMaxDonors();
        List<PoolView> made = new ArrayList<>();
        List<Instant> madeAt = new ArrayList<>();
        Instant now = Instant.now(clock);
        as("labtech", Role.LAB_TECHNICIAN, () -> {
            List<RawContainerView> usable = new ArrayList<>(rawMilk.usableForPooling(today));
            usable.removeIf(c -> c.expressedOn().isAfter(today.minusDays(8)));
            usable.sort(Comparator.comparing((RawContainerView c) -> received.get(c.id()))
                    .thenComparing(RawContainerView::expressedOn));
            // the milk by the week it arrived; a pool from each week's oldest, then a second one in the oldest weeks
            Map<Long, List<RawContainerView>> byWeek = new java.util.TreeMap<>(Comparator.reverseOrder());
            for (RawContainerView c : usable) {
                long daysAgo = Duration.between(received.get(c.id()), now).toDays();
                byWeek.computeIfAbsent(daysAgo / 7, k -> new ArrayList<>()).add(c);
            }
            List<List<UUID>> selections = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (List<RawContainerView> week : byWeek.values()) {
                    if (selections.size() == POOLS) {
                        break;
                    }
                    List<UUID> ids = pickForPool(week, Math.min(maxDonors, 4));
                    if (!ids.isEmpty()) {
                        week.removeIf(c -> ids.contains(c.id()));
                        selections.add(ids);
                    }
                }
            }
            // each mixed the morning after its newest container arrived, recorded in the order they were made
            Map<List<UUID>, Instant> mixedAt = new LinkedHashMap<>();
            for (List<UUID> ids : selections) {
                Instant newest = ids.stream()
                        .map(received::get)
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
                Instant at = morningAfter(newest, 8, 30);
                if (!at.isAfter(now.minus(Duration.ofHours(30)))) {
                    mixedAt.put(ids, at);
                }
            }
            mixedAt.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
                made.add(pools.createPool(e.getKey(), e.getValue()));
                madeAt.add(e.getValue());
            });
            if (standards.activeProfile().preCultureRequired()) {
                // sampled as each pool was mixed; read once the profile's incubation allows a negative read
                Duration incubation = Duration.ofHours(standards.activeProfile().cultureMinIncubationHours());
                for (int p = 0; p < made.size(); p++) {
                    Instant sampled = madeAt.get(p).plus(Duration.ofMinutes(5));
                    if (p == 1 || !sampled.plus(incubation).isAfter(now)) {
                        // read when the plates were read, not when the demo was built
                        SampleView sample = lab.takeSample(
                                made.get(p).dinWithCheck(), SamplePurpose.PRE_CULTURE, null, sampled, null);
                        lab.recordRead(
                                sample.id(),
                                List.of(
                                        CultureCount.of(Organism.TOTAL_VIABLE_COUNT, p == 1 ? 250_000 : 12_000),
                                        CultureCount.of(Organism.ENTEROBACTERIACEAE, 200),
                                        CultureCount.of(Organism.STAPH_AUREUS, 100)),
                                readAt(sampled, p == 1 ? Duration.ofHours(24) : incubation, now));
                        made.set(p, pools.find(made.get(p).id()).orElseThrow());
                    } else {
                        lab.takeSample(made.get(p).dinWithCheck(), SamplePurpose.PRE_CULTURE, null, sampled, null);
                    }
                }
            }
        });

        // Runs: each pool pasteurised the morning after it was mixed; most pass, one cycle under temperature is
        // recorded as failed and run again. The newest pool is pasteurised yesterday, so its culture is pending.
        List<RunView> passed = new ArrayList<>();
        List<Instant> endedAt = new ArrayList<>();
        Map<LocalDate, Integer> cyclesOn = new java.util.HashMap<>();
        as("labtech", Role.LAB_TECHNICIAN, () -> {
            BigDecimal holdTemp = standards.activeProfile().holderTemperatureC();
            int holdMinutes = standards.activeProfile().holderMinutes();
            for (int p = 0; p < made.size(); p++) {
                PoolView pool = made.get(p);
                if (!pool.state().name().equals("READY")) {
                    continue;
                }
                Instant start = morningAfter(madeAt.get(p), 9, 0);
                if (p == made.size() - 1 && start.isBefore(morningAfter(now.minus(Duration.ofDays(2)), 9, 0))) {
                    start = morningAfter(now.minus(Duration.ofDays(2)), 9, 0);
                }
                // one cycle after another on a busy morning
                int slot = cyclesOn.merge(
                        LocalDate.ofInstant(start, clock.getZone()), passed.isEmpty() ? 2 : 1, Integer::sum);
                start = start.plus(Duration.ofMinutes(130L * (slot - (passed.isEmpty() ? 2 : 1))));
                if (passed.isEmpty()) {
                    runs.recordRun(new RunRecord(
                            pool.id(),
                            "PAST-01",
                            start,
                            start.plus(Duration.ofMinutes(95)),
                            holdTemp.subtract(new BigDecimal("0.7")),
                            holdMinutes,
                            4,
                            100));
                    start = start.plus(Duration.ofMinutes(130));
                }
                int left = pool.volumeMl();
                if (p == 0 && left >= 600) {
                    // one pool fills two runs: the first of two bottle sizes, the second takes the rest below
                    Instant end = start.plus(Duration.ofMinutes(95));
                    passed.add(runs.recordRun(new RunRecord(
                            pool.id(),
                            "PAST-02",
                            start,
                            end,
                            holdTemp.add(new BigDecimal("0.2")),
                            holdMinutes + 2,
                            null,
                            null,
                            List.of(new BottleLine(50, 4), new BottleLine(100, 2)),
                            PasteurisationMethod.HOLDER,
                            null,
                            null)));
                    endedAt.add(end);
                    left -= 400;
                    start = end.plus(Duration.ofMinutes(35));
                }
                int bottles = Math.max(1, Math.min(12, left / 100));
                Instant end = start.plus(Duration.ofMinutes(90 + random.nextInt(30)));
                passed.add(runs.recordRun(new RunRecord(
                        pool.id(),
                        random.nextBoolean() ? "PAST-01" : "PAST-02",
                        start,
                        end,
                        holdTemp.add(new BigDecimal("0.2")),
                        holdMinutes + 2,
                        bottles,
                        100)));
                endedAt.add(end);
                // less than a bottle left after its run: the pool is closed with that reason; more waits for a run
                int rest = poolVolumes.of(pool.id()).leftMl();
                if (rest > 0 && rest < 100) {
                    poolVolumes.close(pool.id(), RemainderReason.TOO_LITTLE_LEFT, null);
                }
            }
        });

        // Cultures: the last run still waits for its culture, the one before for release; one run grew bacteria.
        // A run's culture is read negative only after the profile's incubation: a run that ended since still incubates.
        as("labtech2", Role.LAB_TECHNICIAN, () -> {
            Duration incubation = Duration.ofHours(standards.activeProfile().cultureMinIncubationHours());
            // the newest run whose culture could be read waits for its release; the older ones are released
            int waitsForRelease = -1;
            // the demo's runs are typed: labtech2 confirms each manual record labtech recorded
            for (RunView run : passed) {
                if (manualRuns.awaitsConfirmation(run.id())) {
                    manualRuns.confirm(run.id(), PASSWORD);
                }
            }
            for (int r = 0; r < passed.size() - 1; r++) {
                if (r != 2
                        && !endedAt.get(r)
                                .plus(Duration.ofMinutes(10))
                                .plus(incubation)
                                .isAfter(now)) {
                    waitsForRelease = r;
                }
            }
            for (int r = 0; r < passed.size() - 1; r++) {
                RunView run = passed.get(r);
                // sampled as the run ended
                Instant sampled = endedAt.get(r).plus(Duration.ofMinutes(10));
                if (r == 2) {
                    readPostCulture(run, 40, "Bacillus cereus", sampled, incubation, now);
                    continue;
                }
                if (sampled.plus(incubation).isAfter(now)) {
                    lab.takeSample(runs.runCode(run.id()), SamplePurpose.POST_CULTURE, null, sampled, null);
                    continue;
                }
                readPostCulture(run, 0, null, sampled, incubation, now);
                if (r != waitsForRelease) {
                    runs.release(run.id(), PASSWORD); // labtech2 signs the release with her password
                }
            }
        });

        // Infants on the neonatal unit, most with consent; the dispenser issues bottles first-to-expire first.
        List<UUID> infants = new ArrayList<>();
        as("nurse", Role.NURSE, () -> {
            String[][] babies = {
                {"NICU-2611-01", "Nguyễn", "28", "1", "1020"}, {"NICU-2611-02", "Trần", "31", "4", "1380"},
                {"NICU-2611-03", "Phommachanh", "33", "0", "1710"}, {"NICU-2611-04", "Lê", "26", "5", "780"},
                {"NICU-2611-05", "Walker", "30", "2", "1290"}
            };
            for (int b = 0; b < babies.length; b++) {
                LocalDate born = today.minusDays(4 + b * 5L);
                var infant = dispensing.registerInfant(new NewInfant(
                        babies[b][0],
                        babies[b][1],
                        null,
                        born,
                        Integer.parseInt(babies[b][2]),
                        Integer.parseInt(babies[b][3]),
                        Integer.parseInt(babies[b][4]),
                        b % 2 == 0 ? "NICU A" : "NICU B",
                        b < 4,
                        b < 4 ? born.plusDays(1) : null));
                infants.add(infant.id());
            }
        });
        as("dispenser", Role.DISPENSER, () -> {
            List<BottleView> offered = dispensing.offeredBottles(today);
            int fed = Math.min(offered.size() - 4, 10);
            for (int f = 0; f < fed; f++) {
                dispensing.dispense(infants.get(f % 4), offered.get(f).din());
            }
        });
        as("labtech", Role.LAB_TECHNICIAN, () -> {
            List<BottleView> offered = dispensing.offeredBottles(today);
            if (!offered.isEmpty()) {
                inventory.discardBottle(offered.get(offered.size() - 1).din(), "Seal found broken at the stock check");
            }
        });
    }

    /** Up to three containers from each of up to {@code donors} donors, oldest first. */
    private static List<UUID> pickForPool(List<RawContainerView> week, int donors) {
        Map<UUID, List<RawContainerView>> byDonor = new LinkedHashMap<>();
        for (RawContainerView c : week) {
            if (byDonor.size() < donors || byDonor.containsKey(c.donorId())) {
                List<RawContainerView> list = byDonor.computeIfAbsent(c.donorId(), k -> new ArrayList<>());
                if (list.size() < 3) {
                    list.add(c);
                }
            }
        }
        return byDonor.values().stream()
                .flatMap(List::stream)
                .map(RawContainerView::id)
                .toList();
    }

    /** The bank's morning after {@code instant}: the next day at {@code hour}:{@code minute} in its time zone. */
    /**
     * When the demo's plates were read: once the incubation allowed a negative read (half an hour after, as the
     * technician came to the bench), or, growth showing, the next day; never later than now.
     */
    static Instant readAt(Instant sampled, Duration incubation, Instant now) {
        Instant read = sampled.plus(incubation).plus(Duration.ofMinutes(30));
        return read.isAfter(now) ? now : read;
    }

    /** A run's culture after pasteurisation, sampled as it ended and read after the incubation, by the lab. */
    private void readPostCulture(
            RunView run, long cfu, String organism, Instant sampled, Duration incubation, Instant now) {
        List<CultureCount> counts = new ArrayList<>();
        standards.activeProfile().postCultureLimits().keySet().stream()
                .filter(k -> !"ANY".equals(k))
                .forEach(k -> counts.add(CultureCount.of(Organism.valueOf(k), cfu)));
        if (counts.isEmpty()) {
            counts.add(
                    organism == null
                            ? CultureCount.of(Organism.TOTAL_VIABLE_COUNT, cfu)
                            : new CultureCount(Organism.OTHER, organism, cfu));
        }
        SampleView sample = lab.takeSample(runs.runCode(run.id()), SamplePurpose.POST_CULTURE, null, sampled, null);
        lab.recordRead(sample.id(), counts, readAt(sampled, cfu > 0 ? Duration.ofHours(24) : incubation, now));
    }

    private Instant morningAfter(Instant instant, int hour, int minute) {
        return instant.atZone(clock.getZone())
                .toLocalDate()
                .plusDays(1)
                .atTime(hour, minute)
                .atZone(clock.getZone())
                .toInstant();
    }

    /** The demo's staff, one for each role, with the published password (made before the rest, see DemoRunner). */
    void createStaff() {
        runAsSystem(() -> STAFF.forEach(s -> {
            if (identity.findByUsername(s.username()).isEmpty()) {
                identity.createWithPublishedPassword(s.username(), s.name(), PASSWORD, Set.of(s.role()));
            }
        }));
    }

    static void printCredentials(Logger log) {
        log.warn(staffTable("OpenMilkBank demo bank ready."));
    }

    /** While the bank is still being built: its staff can already sign in. */
    static void printStaff(Logger log) {
        log.warn(staffTable("OpenMilkBank demo bank: its staff can sign in; its milk is being prepared."));
    }

    private static String staffTable(String heading) {
        StringBuilder sb = new StringBuilder("\n")
                .append("=".repeat(64))
                .append("\n  ")
                .append(heading)
                .append(" Demo staff (password ")
                .append(PASSWORD)
                .append("):\n");
        STAFF.forEach(s -> sb.append(String.format("    %-12s %s%n", s.username(), s.role())));
        sb.append("=".repeat(64));
        return sb.toString();
    }

    /** A harmless in-person interview, approved by the coordinator and, where the profile asks two, the manager. */
    private void screen(java.util.UUID donorId, LocalDate on) {
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
        donors.currentQuestionnaire().questions().forEach(q -> answers.put(q.code(), q.harmlessAnswer()));
        var screening = donors.recordScreening(
                donorId,
                new org.openmilkbank.donor.NewScreening(on, org.openmilkbank.donor.InterviewMode.IN_PERSON, answers));
        donors.approveScreening(screening.id(), PASSWORD);
        if (screening.approvalsRequired() > 1) {
            var coordinator = SecurityContextHolder.getContext().getAuthentication();
            as("manager", Role.MANAGER, () -> donors.approveScreening(screening.id(), PASSWORD));
            SecurityContextHolder.getContext().setAuthentication(coordinator);
        }
    }

    static void as(String username, Role role, Runnable action) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, Set.of(new SimpleGrantedAuthority(role.authority()))));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void runAsSystem(Runnable action) {
        SecurityContextHolder.clearContext();
        action.run();
    }
}
