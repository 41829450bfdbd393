package org.openmilkbank.lab.analyser;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.lab.procedure.Procedure;
import org.openmilkbank.lab.procedure.Procedures;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.CodeLookup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an analyser's file, all or nothing in one transaction: a file whose structure is wrong is refused whole;
 * a file with any bad row imports none and names every bad row; otherwise each row is kept with its raw and
 * corrected values, and counts for its unit only when that day's check sample passed.
 */
@Service
@Transactional
public class AnalyserImports {

    public static final String RECORD = "AnalyserImport";

    /** The largest file an import reads (a day's export is far smaller). */
    public static final int MAX_FILE_BYTES = FileLimits.MAX_BYTES;

    private static final Set<CodeLookup.Kind> SAMPLED = EnumSet.of(CodeLookup.Kind.CONTAINER, CodeLookup.Kind.POOL);

    private final AnalyserInstruments instruments;
    private final CodeLookup codes;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final History history;
    private final Clock clock;
    private final Standards standards;
    private final Procedures procedures;

    AnalyserImports(
            AnalyserInstruments instruments,
            CodeLookup codes,
            JdbcClient jdbc,
            JdbcTemplate batch,
            History history,
            Clock clock,
            Standards standards,
            Procedures procedures) {
        this.standards = standards;
        this.procedures = procedures;
        this.instruments = instruments;
        this.codes = codes;
        this.jdbc = jdbc;
        this.batch = batch;
        this.history = history;
        this.clock = clock;
    }

    private record Sample(boolean check, UUID unitId, CodeLookup.Kind kind, String label) {}

    private record Row(ColumnMapping.Parsed parsed, Sample sample) {}

    public ImportOutcome importFile(UUID instrumentId, String fileName, byte[] bytes) {
        if (instrumentId == null) {
            throw new RuleViolation("lab.analyser.import.instrumentRequired").on("instrumentId");
        }
        Instrument instrument = instruments.find(instrumentId);
        if (!instrument.active()) {
            throw new RuleViolation("lab.analyser.instrument.retired", instrument.name()).on("instrumentId");
        }
        AnalyserTable table = AnalyserFileReader.read(bytes);
        ZoneId zone = clock.getZone();
        ColumnMapping mapping = ColumnMapping.over(instrument, table.header(), zone);
        Instant now = clock.instant();

        // one import per instrument at a time: the duplicate check and the day's check sample are read consistently
        jdbc.sql("select id from lab_analyser_instrument where id = :id for update")
                .param("id", instrumentId)
                .query(UUID.class)
                .single();

        List<RowError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Optional<CodeLookup.Match>> looked = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (AnalyserTable.Row row : table.rows()) {
            Optional<ColumnMapping.Parsed> parsed = mapping.parse(row, now, errors, table.header());
            if (parsed.isEmpty()) {
                continue;
            }
            ColumnMapping.Parsed p = parsed.get();
            String sampleColumn = instrument.sampleColumn();
            Sample sample;
            if (p.sampleCode().equalsIgnoreCase(instrument.checkSampleId())) {
                sample = new Sample(true, null, null, null);
            } else {
                Optional<CodeLookup.Match> match = looked.computeIfAbsent(
                        p.sampleCode().toUpperCase(Locale.ROOT), code -> codes.find(p.sampleCode()));
                if (match.isEmpty() || match.get().label() == null) {
                    errors.add(new RowError(row.number(), sampleColumn, p.sampleCode(), RowProblem.UNKNOWN_SAMPLE));
                    continue;
                }
                if (!SAMPLED.contains(match.get().kind())) {
                    errors.add(new RowError(
                            row.number(), sampleColumn, p.sampleCode(), RowProblem.NOT_A_CONTAINER_OR_POOL));
                    continue;
                }
                sample = new Sample(
                        false, match.get().id(), match.get().kind(), match.get().label());
            }
            if (!seen.add(key(sample, p.measuredAt()))) {
                errors.add(new RowError(row.number(), sampleColumn, p.sampleCode(), RowProblem.DUPLICATE_IN_FILE));
                continue;
            }
            rows.add(new Row(p, sample));
        }
        if (!rows.isEmpty()) {
            Set<String> stored = storedKeys(instrumentId, rows);
            for (Row row : rows) {
                if (stored.contains(key(row.sample(), row.parsed().measuredAt()))) {
                    errors.add(new RowError(
                            row.parsed().row(),
                            instrument.sampleColumn(),
                            row.parsed().sampleCode(),
                            RowProblem.ALREADY_IMPORTED));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new AnalyserFileRefused(errors);
        }
        return keep(instrument, table.format(), cleanName(fileName), sha256(bytes), rows, zone, now);
    }

    private ImportOutcome keep(
            Instrument instrument,
            FileFormat format,
            String fileName,
            String sha,
            List<Row> rows,
            ZoneId zone,
            Instant now) {
        List<CheckGate.Check> checks = new ArrayList<>(storedChecks(instrument.id(), rows, zone));
        Map<Row, Boolean> passed = new HashMap<>();
        for (Row row : rows) {
            if (row.sample().check()) {
                boolean ok = passes(instrument, row.parsed());
                passed.put(row, ok);
                checks.add(new CheckGate.Check(row.parsed().measuredAt(), ok));
            }
        }
        CheckGate gate = CheckGate.over(checks, zone);
        UUID importId = UUID.randomUUID();
        String by = CurrentActor.username();
        jdbc.sql("""
                        insert into lab_analyser_import
                            (id, instrument_id, file_name, file_format, file_sha256, row_count, imported_at, imported_by)
                        values (:id, :instrument, :name, :format, :sha, :rows, :at, :by)
                        """)
                .param("id", importId)
                .param("instrument", instrument.id())
                .param("name", fileName)
                .param("format", format.name())
                .param("sha", sha)
                .param("rows", rows.size())
                .param("at", Timestamp.from(now))
                .param("by", by)
                .update();
        // the day's check sample was measured by the analyser check procedure of the profile in force
        String profile = standards.activeProfile().code();
        int checkVersion = procedures.currentVersion(profile, Procedure.ANALYSER_CHECK);
        List<Object[]> results = new ArrayList<>();
        List<Object[]> readings = new ArrayList<>();
        int counted = 0;
        int checkSamples = 0;
        for (Row row : rows) {
            UUID id = UUID.randomUUID();
            Optional<NotCounted> notCounted = row.sample().check()
                    ? Optional.of(NotCounted.CHECK_SAMPLE)
                    : gate.decide(row.parsed().measuredAt());
            if (notCounted.isEmpty()) {
                counted++;
            }
            if (row.sample().check()) {
                checkSamples++;
            }
            results.add(new Object[] {
                id,
                importId,
                instrument.id(),
                row.parsed().row(),
                row.parsed().sampleCode(),
                row.sample().check(),
                row.sample().unitId(),
                row.sample().kind() == null ? null : row.sample().kind().name(),
                row.sample().label(),
                Timestamp.from(row.parsed().measuredAt()),
                passed.get(row),
                notCounted.isEmpty(),
                notCounted.map(Enum::name).orElse(null),
                row.sample().check() ? Procedure.ANALYSER_CHECK.code() : null,
                row.sample().check() ? checkVersion : null,
                row.sample().check() ? profile : null
            });
            for (Reading r : row.parsed().readings().values()) {
                readings.add(new Object[] {
                    id,
                    r.nutrient().name(),
                    r.raw(),
                    r.rawUnit().name(),
                    r.correction().slope(),
                    r.correction().intercept(),
                    r.value()
                });
            }
        }
        batch.batchUpdate("""
                insert into lab_analyser_result (id, import_id, instrument_id, row_number, sample_code, check_sample,
                    unit_id, unit_kind, unit_label, measured_at, check_passed, counted, not_counted_reason,
                    procedure_code, procedure_version, procedure_profile_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, results);
        batch.batchUpdate("""
                insert into lab_analyser_reading (result_id, nutrient, raw_value, raw_unit, slope, intercept, value)
                values (?, ?, ?, ?, ?, ?, ?)
                """, readings);
        history.record(
                RECORD,
                importId,
                Said.of("lab.analyser.history.imported", rows.size(), counted, fileName, instrument.name()));
        return new ImportOutcome(importId, rows.size(), counted, rows.size() - counted - checkSamples, checkSamples);
    }

    /** The check sample is in range when every nutrient with an accepted range was measured within it. */
    static boolean passes(Instrument instrument, ColumnMapping.Parsed check) {
        return instrument.channels().stream()
                .filter(Channel::hasCheckRange)
                .allMatch(
                        c -> c.inCheckRange(Optional.ofNullable(check.readings().get(c.nutrient()))
                                .map(Reading::value)
                                .orElse(null)));
    }

    private Set<String> storedKeys(UUID instrumentId, List<Row> rows) {
        Instant from = rows.stream()
                .map(r -> r.parsed().measuredAt())
                .min(Instant::compareTo)
                .orElseThrow();
        Instant to = rows.stream()
                .map(r -> r.parsed().measuredAt())
                .max(Instant::compareTo)
                .orElseThrow();
        Set<String> keys = new HashSet<>();
        jdbc.sql("""
                        select check_sample, unit_id, measured_at from lab_analyser_result
                        where instrument_id = :instrument and not voided and measured_at between :from and :to
                        """)
                .param("instrument", instrumentId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> keys.add(key(
                        new Sample(rs.getBoolean("check_sample"), rs.getObject("unit_id", UUID.class), null, null),
                        rs.getTimestamp("measured_at").toInstant())))
                .list();
        return keys;
    }

    private List<CheckGate.Check> storedChecks(UUID instrumentId, List<Row> rows, ZoneId zone) {
        LocalDate first = rows.stream()
                .map(r -> LocalDate.ofInstant(r.parsed().measuredAt(), zone))
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = rows.stream()
                .map(r -> LocalDate.ofInstant(r.parsed().measuredAt(), zone))
                .max(LocalDate::compareTo)
                .orElseThrow();
        return jdbc.sql("""
                        select measured_at, check_passed from lab_analyser_result
                        where instrument_id = :instrument and check_sample and not voided
                          and measured_at >= :from and measured_at < :to
                        """)
                .param("instrument", instrumentId)
                .param("from", Timestamp.from(first.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) ->
                        new CheckGate.Check(rs.getTimestamp("measured_at").toInstant(), rs.getBoolean("check_passed")))
                .list();
    }

    private static String key(Sample sample, Instant at) {
        return (sample.check() ? "check" : String.valueOf(sample.unitId())) + "@" + at.toEpochMilli();
    }

    private static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty()) {
            name = "—";
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
