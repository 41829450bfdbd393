package org.openmilkbank.lab.quality;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openmilkbank.lab.CaloricClass;
import org.openmilkbank.lab.PoolNutrition;
import org.openmilkbank.lab.ProcedureFollowed;
import org.openmilkbank.lab.QualityView;
import org.openmilkbank.lab.RawMilkQuality;
import org.openmilkbank.lab.RawMilkRejected;
import org.openmilkbank.lab.procedure.Procedure;
import org.openmilkbank.lab.procedure.Procedures;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.CrematocritFormula;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raw milk quality control on the container: the sensory check, Dornic acidity and the crematocrit, each recorded
 * once and then corrected only by amendment with a reason. A failed check publishes {@link RawMilkRejected}, on
 * which the container's own module discards it in the same transaction.
 */
@Service
@Transactional
public class QualityManagement implements RawMilkQuality {

    /** The history's record type: a container's quality control, by the container's id. */
    public static final String RECORD = "RawMilkQuality";

    /** The lineage/history reason code of a container discarded by quality control. */
    public static final String REJECTED_CODE = "lab.quality.rejected";

    /** A container as the lab reads it from the module that keeps it (its published view). */
    public record Container(UUID id, String din, String state, int volumeMl, LocalDate expressedOn) {
        public String dinWithCheck() {
            return Din.parse(din).withCheck();
        }
    }

    private final ContainerQualityRepository records;
    private final JdbcClient jdbc;
    private final Standards standards;
    private final History history;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Procedures procedures;

    QualityManagement(
            ContainerQualityRepository records,
            JdbcClient jdbc,
            Standards standards,
            History history,
            ApplicationEventPublisher events,
            Clock clock,
            Procedures procedures) {
        this.procedures = procedures;
        this.records = records;
        this.jdbc = jdbc;
        this.standards = standards;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /** The container a scanned or typed DIN names; refuses a DIN that is not one, names no container. */
    @Transactional(readOnly = true)
    public Container container(String scanned) {
        Din din;
        try {
            din = Din.parse(scanned);
        } catch (RuleViolation invalid) {
            throw invalid.on("din");
        }
        return jdbc.sql("""
                        select id, din, state, volume_ml, expressed_on from collection_container_v where din = :din
                        """)
                .param("din", din.value())
                .query((rs, n) -> new Container(
                        rs.getObject("id", UUID.class),
                        rs.getString("din"),
                        rs.getString("state"),
                        rs.getInt("volume_ml"),
                        rs.getObject("expressed_on", LocalDate.class)))
                .optional()
                .orElseThrow(() -> new NotFound("lab.quality.container.notFound", din));
    }

    /** The container's quality control, empty sections included, for its page. */
    @Transactional(readOnly = true)
    public QualityView view(Container container) {
        StandardProfile profile = standards.activeProfile();
        return records.findByContainerId(container.id())
                .map(q -> view(q, profile))
                .orElseGet(() -> new QualityView(
                        container.id(),
                        container.din(),
                        null,
                        null,
                        null,
                        false,
                        profile.rawQcSensoryRequired(),
                        profile.rawQcDornicRequired()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<QualityView> ofContainer(UUID containerId) {
        StandardProfile profile = standards.activeProfile();
        return records.findByContainerId(containerId).map(q -> view(q, profile));
    }

    /** Records the sensory check, or amends it (with a reason); any failure discards the container. */
    public QualityView recordSensory(String scanned, SensoryForm form) {
        Container container = writable(scanned, false);
        ContainerQuality q = lockedRecord(container);
        boolean amending = q.hasSensory();
        ContainerQuality.Sensory before = q.sensory();
        ContainerQuality.Sensory checks = new ContainerQuality.Sensory(
                form.packagingOk(), form.dirtOk(), form.colourOk(), form.flavourOk(), form.note());
        requireReasonToAmend(amending, form.reason());
        boolean failed = q.sensory(checks, followed(Procedure.SENSORY), CurrentActor.username(), now());
        records.save(q);
        Said what = Said.of(
                amending ? "lab.quality.history.sensoryAmended" : "lab.quality.history.sensory",
                Din.parse(container.din()),
                outcome(checks.passed()),
                amending ? outcome(before.passed()) : "—");
        write(container, what, amending, form.reason());
        if (failed) {
            reject(container, failedChecks(checks));
        }
        return view(q, standards.activeProfile());
    }

    /** Records the three Dornic titrations, or amends them; a mean at or over the profile's limit discards. */
    public QualityView recordDornic(String scanned, DornicForm form) {
        Container container = writable(scanned, false);
        Dornic titrations = new Dornic(form.ml1(), form.ml2(), form.ml3());
        ContainerQuality q = lockedRecord(container);
        boolean amending = q.hasDornic();
        Dornic before = q.dornic();
        requireReasonToAmend(amending, form.reason());
        BigDecimal limit = standards.activeProfile().rawQcDornicLimit().orElse(null);
        boolean failed = q.dornic(titrations, limit, followed(Procedure.DORNIC), CurrentActor.username(), now());
        records.save(q);
        Said what = Said.of(
                amending ? "lab.quality.history.dornicAmended" : "lab.quality.history.dornic",
                Din.parse(container.din()),
                titrations.meanDegrees(),
                amending ? before.meanDegrees() : "—");
        write(container, what, amending, form.reason());
        if (failed) {
            reject(container, List.of(Said.of("lab.quality.rejected.dornic", titrations.meanDegrees(), limit)));
        }
        return view(q, standards.activeProfile());
    }

    /** Records the crematocrit, or amends it; read by the profile's formula as it is now. */
    public QualityView recordCrematocrit(String scanned, CrematocritForm form) {
        Container container = writable(scanned, true);
        Crematocrit reading = new Crematocrit(form.creamMm(), form.totalMm());
        ContainerQuality q = lockedRecord(container);
        boolean amending = q.hasCrematocrit();
        requireReasonToAmend(amending, form.reason());
        CrematocritFormula formula = standards.activeProfile().rawQcCrematocritFormula();
        Object before = amending ? q.crematocrit().kcalPerDl(q.crematocritFormula()) : "—";
        q.crematocrit(reading, formula, followed(Procedure.CREMATOCRIT), CurrentActor.username(), now());
        records.save(q);
        Said what = Said.of(
                amending ? "lab.quality.history.crematocritAmended" : "lab.quality.history.crematocrit",
                Din.parse(container.din()),
                reading.creamPercent().setScale(1, RoundingMode.HALF_UP),
                reading.kcalPerDl(formula),
                before);
        write(container, what, amending, form.reason());
        return view(q, standards.activeProfile());
    }

    @Override
    @Transactional(readOnly = true)
    public PoolNutrition poolNutrition(List<PoolNutrition.Portion> portions) {
        if (portions == null || portions.isEmpty()) {
            return PoolNutrition.NONE;
        }
        Map<UUID, ContainerQuality> byContainer = records
                .findByContainerIdIn(new HashSet<>(portions.stream()
                        .map(PoolNutrition.Portion::containerId)
                        .toList()))
                .stream()
                .filter(ContainerQuality::hasCrematocrit)
                .collect(Collectors.toMap(ContainerQuality::containerId, Function.identity()));
        int measured = (int) portions.stream()
                .filter(p -> byContainer.containsKey(p.containerId()))
                .count();
        if (measured < portions.size()) {
            return new PoolNutrition(null, null, null, measured, portions.size());
        }
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal energy = BigDecimal.ZERO;
        BigDecimal fat = BigDecimal.ZERO;
        boolean fatKnown = true;
        for (PoolNutrition.Portion p : portions) {
            ContainerQuality q = byContainer.get(p.containerId());
            BigDecimal ml = BigDecimal.valueOf(p.volumeMl());
            volume = volume.add(ml);
            energy = energy.add(
                    q.crematocrit().exactKcalPerL(q.crematocritFormula()).multiply(ml));
            BigDecimal f = q.crematocrit().exactFatGPerDl(q.crematocritFormula());
            if (f == null) {
                fatKnown = false;
            } else {
                fat = fat.add(f.multiply(ml));
            }
        }
        if (volume.signum() == 0) {
            return new PoolNutrition(null, null, null, measured, portions.size());
        }
        BigDecimal kcalPerDl =
                energy.divide(volume, MathContext.DECIMAL64).divide(BigDecimal.TEN, 1, RoundingMode.HALF_UP);
        BigDecimal fatPerDl = fatKnown ? fat.divide(volume, 2, RoundingMode.HALF_UP) : null;
        return new PoolNutrition(kcalPerDl, fatPerDl, null, measured, portions.size());
    }

    /**
     * A page of the raw containers in the store still missing a check the profile requires, oldest expression
     * first, with the total (none when the profile requires no check).
     */
    @Transactional(readOnly = true)
    public Paged<Container> awaitingQuality(PageRequest page) {
        StandardProfile profile = standards.activeProfile();
        if (!profile.rawQcSensoryRequired() && !profile.rawQcDornicRequired()) {
            return new Paged<>(List.of(), page, 0);
        }
        String from = """
                from collection_container_v c
                left join lab_container_quality q on q.container_id = c.id
                where c.state = 'RAW_FROZEN'
                  and ((:sensory and q.sensory_at is null) or (:dornic and q.dornic_at is null))
                """;
        long total = jdbc.sql("select count(*) " + from)
                .param("sensory", profile.rawQcSensoryRequired())
                .param("dornic", profile.rawQcDornicRequired())
                .query(Long.class)
                .single();
        List<Container> items = jdbc.sql("select c.id, c.din, c.state, c.volume_ml, c.expressed_on " + from
                        + " order by c.expressed_on, c.din limit :limit offset :offset")
                .param("sensory", profile.rawQcSensoryRequired())
                .param("dornic", profile.rawQcDornicRequired())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new Container(
                        rs.getObject("id", UUID.class),
                        rs.getString("din"),
                        rs.getString("state"),
                        rs.getInt("volume_ml"),
                        rs.getObject("expressed_on", LocalDate.class)))
                .list();
        return new Paged<>(items, page, total);
    }

    /**
     * The container, if quality control may be written on it now: in the raw store, or (a crematocrit only,
     * which discards nothing) already in a pool, whose values then follow the amendment.
     */
    private Container writable(String scanned, boolean pooledAllowed) {
        Container container = container(scanned);
        boolean ok = container.state().equals("RAW_FROZEN")
                || (pooledAllowed && container.state().equals("POOLED"));
        if (!ok) {
            throw new RuleViolation(
                    "lab.quality.container.notInStore",
                    Din.parse(container.din()),
                    Said.code("collection.state." + container.state()));
        }
        return container;
    }

    private ContainerQuality lockedRecord(Container container) {
        // two technicians scanning the same container at once: the second waits, then finds the first's record
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('lab_container_quality:' || :id, 0))")
                .param("id", container.id().toString())
                .query((rs, n) -> 1)
                .list();
        return records.findByContainerId(container.id())
                .orElseGet(() -> new ContainerQuality(container.id(), container.din()));
    }

    private static void requireReasonToAmend(boolean amending, String reason) {
        if (amending && (reason == null || reason.isBlank())) {
            throw new RuleViolation("lab.quality.amend.reasonRequired").on("reason");
        }
    }

    private void write(Container container, Said what, boolean amending, String reason) {
        if (amending) {
            history.recordCorrection(RECORD, container.id(), what, reason);
        } else {
            history.record(RECORD, container.id(), what);
        }
    }

    private void reject(Container container, List<Said> reasons) {
        history.recordCoded(
                RECORD,
                container.id(),
                Said.of("lab.quality.history.rejected", Din.parse(container.din()), reasons),
                REJECTED_CODE,
                null);
        events.publishEvent(new RawMilkRejected(container.id(), container.din(), reasons, now()));
    }

    private static List<Said> failedChecks(ContainerQuality.Sensory checks) {
        List<Said> failed = new ArrayList<>();
        if (!checks.packagingOk()) {
            failed.add(Said.code("lab.quality.sensory.packaging"));
        }
        if (!checks.dirtOk()) {
            failed.add(Said.code("lab.quality.sensory.dirt"));
        }
        if (!checks.colourOk()) {
            failed.add(Said.code("lab.quality.sensory.colour"));
        }
        if (!checks.flavourOk()) {
            failed.add(Said.code("lab.quality.sensory.flavour"));
        }
        return List.of(Said.of("lab.quality.rejected.sensory", failed));
    }

    private static Said outcome(boolean passed) {
        return Said.code(passed ? "lab.quality.outcome.pass" : "lab.quality.outcome.fail");
    }

    /** The version of the procedure a check recorded now follows: the active profile's latest. */
    private ProcedureFollowed followed(Procedure procedure) {
        String profile = standards.activeProfile().code();
        return new ProcedureFollowed(procedure.code(), procedures.currentVersion(profile, procedure), profile);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static QualityView view(ContainerQuality q, StandardProfile profile) {
        QualityView.Sensory sensory = null;
        if (q.hasSensory()) {
            ContainerQuality.Sensory s = q.sensory();
            sensory = new QualityView.Sensory(
                    s.packagingOk(),
                    s.dirtOk(),
                    s.colourOk(),
                    s.flavourOk(),
                    s.note(),
                    q.sensoryBy(),
                    q.sensoryAt(),
                    q.sensoryProcedure());
        }
        QualityView.Dornic dornic = null;
        if (q.hasDornic()) {
            Dornic d = q.dornic();
            dornic = new QualityView.Dornic(
                    List.of(d.ml1(), d.ml2(), d.ml3()),
                    d.degrees(),
                    d.meanDegrees(),
                    q.dornicLimit(),
                    d.passes(Optional.ofNullable(q.dornicLimit())).orElse(null),
                    q.dornicBy(),
                    q.dornicAt(),
                    q.dornicProcedure());
        }
        QualityView.Crematocrit crematocrit = null;
        if (q.hasCrematocrit()) {
            Crematocrit c = q.crematocrit();
            CrematocritFormula f = q.crematocritFormula();
            crematocrit = new QualityView.Crematocrit(
                    c.creamMm(),
                    c.totalMm(),
                    c.creamPercent().setScale(1, RoundingMode.HALF_UP),
                    c.fatGPerDl(f),
                    c.kcalPerL(f),
                    c.kcalPerDl(f),
                    f,
                    CaloricClass.of(c.exactKcalPerL(f), profile).orElse(null),
                    q.crematocritBy(),
                    q.crematocritAt(),
                    q.crematocritProcedure());
        }
        return new QualityView(
                q.containerId(),
                q.din(),
                sensory,
                dornic,
                crematocrit,
                q.rejected(),
                profile.rawQcSensoryRequired(),
                profile.rawQcDornicRequired());
    }
}
