package org.openmilkbank.pasteurization.curve;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.equipment.log.LogParser;
import org.openmilkbank.equipment.log.Reading;
import org.openmilkbank.pasteurization.CurveRuns;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A run's temperature logs: logger layouts, importing a logger's file or typing the 5-minute sheet, the verdict of
 * the curve and the run moved on by it. Each import is one transaction: refused, nothing is written.
 *
 * <p>A passed verdict asks for a second look when it passed narrowly (the hold within 2 min of the rule, its coldest
 * reading within 0.2 °C of the holder temperature, the warmest within 0.2 °C of the ceiling, cooling in the last
 * fifth of its time), when the import noticed something (repeated rows, rows out of order, empty cells), or when the
 * log replaces an earlier one.
 */
@Service
@Transactional(readOnly = true)
public class RunLogs {

    static final String RECORD_TYPE = "PasteurisationRun";
    static final String LAYOUT_RECORD_TYPE = "LoggerLayout";
    static final String K = "pasteurization.curve.";
    /** Readings this far outside the run's recorded times belong to another cycle. */
    static final Duration OUTSIDE_RUN = Duration.ofHours(2);

    private final org.openmilkbank.pasteurization.RunInstruments instruments;
    private final LayoutRepository layouts;
    private final RunLogRepository logs;
    private final ReadingStore readings;
    private final PasteurisationManagement runs;
    private final CurveRuns curveRuns;
    private final Standards standards;
    private final History history;
    private final Clock clock;

    RunLogs(
            LayoutRepository layouts,
            RunLogRepository logs,
            ReadingStore readings,
            PasteurisationManagement runs,
            CurveRuns curveRuns,
            Standards standards,
            History history,
            Clock clock,
            org.openmilkbank.pasteurization.RunInstruments instruments) {
        this.instruments = instruments;
        this.layouts = layouts;
        this.logs = logs;
        this.readings = readings;
        this.runs = runs;
        this.curveRuns = curveRuns;
        this.standards = standards;
        this.history = history;
        this.clock = clock;
    }

    // Layouts

    /** The layouts in force (not superseded), by name. */
    public List<LayoutView> layouts() {
        return layouts.findBySupersededAtIsNullOrderByName().stream()
                .map(LayoutRecord::view)
                .toList();
    }

    public LayoutView layout(UUID id) {
        return find(id).view();
    }

    @Transactional
    public LayoutView addLayout(LayoutForm form) {
        LayoutRecord r = LayoutRecord.create(form, CurrentActor.username(), Instant.now(clock));
        layouts.save(r);
        history.record(LAYOUT_RECORD_TYPE, r.id(), Said.of(K + "history.layoutAdded", form.name(), form.model()));
        return r.view();
    }

    /** Amends a layout: a new version supersedes it (logs keep the version they were read by), with the reason. */
    @Transactional
    public LayoutView amendLayout(UUID id, LayoutForm form) {
        LayoutRecord old = find(id);
        LayoutRecord next = old.amend(form, CurrentActor.username(), Instant.now(clock));
        layouts.saveAndFlush(old);
        layouts.save(next);
        history.recordCorrection(
                LAYOUT_RECORD_TYPE,
                next.id(),
                Said.of(K + "history.layoutAmended", form.name()),
                form.reason().strip());
        history.recordCorrection(
                LAYOUT_RECORD_TYPE,
                id,
                Said.of(K + "history.layoutSuperseded", form.name()),
                form.reason().strip());
        return next.view();
    }

    private LayoutRecord find(UUID id) {
        return layouts.findById(id).orElseThrow(() -> new NotFound(K + "layout.notFound", id));
    }

    // Logs

    /**
     * Imports a logger's file onto the run by a layout: refused whole when its structure is wrong or a row cannot be
     * trusted ({@link LogParser}); else every reading is stored, the curve judged, and the run moved on by the verdict.
     * A file already imported (for any run) is refused; a run's second log needs a reason and supersedes the first.
     */
    @Transactional
    public CurveView importLog(UUID runId, UUID layoutId, String fileName, byte[] content, String reason) {
        RunView run = openRun(runId);
        if (layoutId == null) {
            throw new RuleViolation(K + "import.layoutRequired").on("layoutId");
        }
        LayoutRecord layout = find(layoutId);
        if (!layout.current()) {
            throw new RuleViolation(K + "layout.superseded").on("layoutId");
        }
        LogParser.Parsed parsed = LogParser.parse(content, layout.layout());
        String sha = sha256(content);
        if (!logs.findBySha256(sha).isEmpty()) {
            throw new RuleViolation(
                            K + "import.alreadyImported",
                            runs.runCode(logs.findBySha256(sha).get(0).runId()))
                    .on("file");
        }
        String name = fileName == null || fileName.isBlank() ? "—" : strip(fileName, 200);
        return store(
                run,
                ReadingSource.LOGGER,
                layout.id(),
                name,
                sha,
                parsed.rows(),
                parsed.readings(),
                parsed.warnings(),
                reason);
    }

    /** Takes the readings typed on the 5-minute sheet, as an import: a row that cannot be read refuses the sheet. */
    @Transactional
    public CurveView typeSheet(UUID runId, SheetForm form) {
        RunView run = openRun(runId);
        if (form.date() == null) {
            throw new RuleViolation(K + "sheet.dateRequired").on("date");
        }
        String probe = form.probe() == null || form.probe().isBlank()
                ? "Control bottle"
                : form.probe().strip();
        List<Reading> typed = new ArrayList<>();
        List<Said> bad = new ArrayList<>();
        LocalDateTime previous = null;
        int rows = 0;
        List<SheetForm.Row> given = form.rows() == null ? List.of() : form.rows();
        for (int i = 0; i < given.size(); i++) {
            SheetForm.Row row = given.get(i);
            String time = row == null || row.time() == null ? "" : row.time().strip();
            String celsius =
                    row == null || row.celsius() == null ? "" : row.celsius().strip();
            if (time.isEmpty() && celsius.isEmpty()) {
                continue;
            }
            rows++;
            LocalTime t;
            try {
                t = LocalTime.parse(time.length() == 4 ? "0" + time : time);
            } catch (DateTimeException e) {
                bad.add(Said.of("pasteurization.curve.import.row.badTime", i + 1, time));
                continue;
            }
            BigDecimal c;
            try {
                c = new BigDecimal(celsius.replace(',', '.'));
            } catch (NumberFormatException e) {
                bad.add(Said.of("pasteurization.curve.import.row.notNumber", i + 1, probe, celsius));
                continue;
            }
            if (c.compareTo(LogParser.COLDEST) < 0 || c.compareTo(LogParser.WARMEST) > 0) {
                bad.add(Said.of("pasteurization.curve.import.row.impossible", i + 1, probe, celsius));
                continue;
            }
            LocalDateTime at = form.date().atTime(t);
            // a sheet runs forward: a time earlier than the row above is the next day
            while (previous != null && !at.isAfter(previous)) {
                if (at.equals(previous)) {
                    bad.add(Said.of("pasteurization.curve.sheet.sameTime", i + 1, time));
                    break;
                }
                at = at.plusDays(1);
            }
            if (previous != null && at.equals(previous)) {
                continue;
            }
            previous = at;
            typed.add(new Reading(
                    probe,
                    at.atZone(clock.getZone()).toInstant(),
                    c.setScale(Math.min(Math.max(c.scale(), 0), 2), java.math.RoundingMode.HALF_UP)));
        }
        if (!bad.isEmpty()) {
            throw new RuleViolation(K + "import.badRows", bad, bad.size());
        }
        if (typed.isEmpty()) {
            throw new RuleViolation(K + "import.noReadings");
        }
        return store(run, ReadingSource.SHEET, null, null, null, rows, typed, List.of(), form.reason());
    }

    private CurveView store(
            RunView run,
            ReadingSource source,
            UUID layoutId,
            String fileName,
            String sha,
            int rows,
            List<Reading> read,
            List<Said> warnings,
            String reason) {
        Instant first = read.get(0).at();
        Instant last = read.get(read.size() - 1).at();
        if (last.isBefore(run.startedAt().minus(OUTSIDE_RUN))
                || first.isAfter(run.endedAt().plus(OUTSIDE_RUN))) {
            throw new RuleViolation(
                            K + "import.notThisRun",
                            first.toString(),
                            last.toString(),
                            run.startedAt().toString(),
                            run.endedAt().toString())
                    .on(source == ReadingSource.LOGGER ? "file" : "date");
        }
        if (last.isAfter(Instant.now(clock))) {
            throw new RuleViolation(K + "import.inFuture", last.toString())
                    .on(source == ReadingSource.LOGGER ? "file" : "date");
        }
        Optional<RunLog> earlier = logs.findByRunIdAndSupersededByIsNull(run.id());
        if (earlier.isPresent() && (reason == null || reason.isBlank())) {
            throw new RuleViolation(K + "import.reasonRequired").on("reason");
        }
        StandardProfile profile = standards.activeProfile();
        CurveRules rules = CurveRules.from(profile, run.method());
        int bottles = run.bottles().stream()
                .mapToInt(org.openmilkbank.pasteurization.BottleLine::count)
                .sum();
        int volume =
                run.bottles().stream().mapToInt(l -> l.count() * l.volumeMl()).sum();
        CurveVerdict verdict = CurveJudge.judge(
                read,
                source,
                rules,
                Map.of(),
                instruments.checksAt(instruments.usedBy(run.id()), run.startedAt()),
                instruments.heatPenetrationAt(instruments.pasteuriserOf(run.id()), run.startedAt(), profile, run.id()),
                new org.openmilkbank.pasteurization.curve.Load(bottles, volume));
        List<Said> more = new ArrayList<>();
        if (!warnings.isEmpty()) {
            more.add(Said.of(K + "secondLook.importWarnings", warnings));
        }
        if (earlier.isPresent()) {
            more.add(Said.of(K + "secondLook.reimported"));
        }
        if (verdict.passed()) {
            verdict = verdict.withSecondLook(more);
        }
        Instant now = Instant.now(clock);
        RunLog log = RunLog.of(
                run.id(),
                source,
                layoutId,
                fileName,
                sha,
                rows,
                read.size(),
                warnings.isEmpty() ? null : Said.toJson(warnings),
                verdict,
                CurrentActor.username(),
                now);
        if (earlier.isPresent()) {
            earlier.get().supersede(log.id(), reason.strip(), now);
            logs.saveAndFlush(earlier.get());
        }
        logs.saveAndFlush(log);
        readings.insert(log.id(), run.id(), source, read);
        Said recorded = Said.of(
                K + (source == ReadingSource.LOGGER ? "history.logImported" : "history.sheetTyped"),
                fileName == null ? "—" : fileName,
                read.size(),
                Said.label(verdict.passed() ? RuleOutcome.PASSED : RuleOutcome.FAILED),
                verdict.failures(),
                profile.code());
        if (earlier.isPresent()) {
            history.recordCorrection(RECORD_TYPE, run.id(), recorded, reason.strip());
        } else {
            history.record(RECORD_TYPE, run.id(), recorded);
        }
        curveRuns.takeVerdict(run.id(), verdict.passed(), verdict.failures(), verdict.holdColdestC(), (int)
                (rules.htst() ? 0 : verdict.heldSeconds() / 60));
        return view(log, rules);
    }

    /**
     * The run's current log judged again with {@code offsetC} added to every reading (an instrument's as-found
     * error, negated), by the temperature and time rules only: the instruments and the heat-penetration study are not
     * asked again. Empty when the run has no log.
     */
    public Optional<CurveVerdict> rejudge(UUID runId, BigDecimal offsetC) {
        return logs.findByRunIdAndSupersededByIsNull(runId).map(l -> {
            RunView run = runs.find(runId).orElseThrow();
            List<Reading> read = readings.of(l.id());
            Map<String, BigDecimal> offsets = new java.util.HashMap<>();
            read.forEach(r -> offsets.put(r.probe(), offsetC));
            return CurveJudge.judge(
                    read,
                    l.source(),
                    CurveRules.from(standards.activeProfile(), run.method()),
                    offsets,
                    List.of(),
                    Optional.empty(),
                    null);
        });
    }

    /** A run's current log and its verdict; empty when the run has none. */
    public Optional<CurveView> curve(UUID runId) {
        return logs.findByRunIdAndSupersededByIsNull(runId).map(l -> {
            RunView run = runs.find(runId).orElseThrow();
            return view(l, CurveRules.from(standards.activeProfile(), run.method()));
        });
    }

    /** Runs whose current verdict passed but deserves a second look. */
    public List<UUID> secondLookRuns() {
        return logs.findBySecondLookTrueAndSupersededByIsNull().stream()
                .map(RunLog::runId)
                .toList();
    }

    private CurveView view(RunLog l, CurveRules rules) {
        String layoutName = l.layoutId() == null
                ? null
                : layouts.findById(l.layoutId()).map(r -> r.view().name()).orElse(null);
        int superseded = (int) logs.findByRunIdOrderByRecordedAt(l.runId()).stream()
                .filter(x -> x.supersededBy() != null)
                .count();
        return new CurveView(
                l.runId(),
                l.id(),
                l.source(),
                layoutName,
                l.fileName(),
                l.sha256(),
                l.rowCount(),
                l.readingCount(),
                l.recordedBy(),
                l.recordedAt(),
                l.passed(),
                l.secondLook(),
                StoredVerdict.secondLook(l.verdict()),
                Said.listFromJson(l.warnings()),
                StoredVerdict.rules(l.verdict()),
                l.holdFrom(),
                l.holdUntil(),
                rules.holdTemperatureC(),
                rules.ceilingC(),
                rules.coolingTargetC(),
                readings.of(l.id()),
                superseded);
    }

    private RunView openRun(UUID runId) {
        RunView run = runs.find(runId).orElseThrow(() -> new NotFound("pasteurization.run.notFound", runId));
        if (run.state() == RunState.RELEASED || run.state() == RunState.DISCARDED) {
            throw new RuleViolation(K + "import.runClosed", Said.label(run.state()));
        }
        return run;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strip(String s, int max) {
        String v = s.strip().replaceAll("[\\p{Cntrl}]", "");
        return v.length() > max ? v.substring(0, max) : v;
    }
}
