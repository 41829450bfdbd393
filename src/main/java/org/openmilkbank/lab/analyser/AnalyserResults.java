package org.openmilkbank.lab.analyser;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.lab.MilkAnalysers;
import org.openmilkbank.labeling.Nutrients;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The analyser's results: lists with paging, a unit's latest counted values, and voiding a row with a reason. */
@Service
@Transactional(readOnly = true)
public class AnalyserResults implements MilkAnalysers {

    private static final String SELECT = """
            select r.id, r.import_id, r.row_number, r.sample_code, r.check_sample, r.unit_id, r.unit_label,
                   r.measured_at, r.counted, r.not_counted_reason, r.instrument_id, i.name as instrument_name,
                   f.file_name, f.imported_by, f.imported_at, r.voided, r.void_reason,
                   r.procedure_code, r.procedure_version, r.procedure_profile_code
            from lab_analyser_result r
            join lab_analyser_import f on f.id = r.import_id
            join lab_analyser_instrument i on i.id = r.instrument_id
            """;

    private final JdbcClient jdbc;
    private final History history;
    private final Clock clock;

    AnalyserResults(JdbcClient jdbc, History history, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public Nutrients latestFor(UUID unitId) {
        List<AnalyserResultView> latest = withReadings(jdbc.sql(SELECT
                        + " where r.unit_id = :unit and r.counted and not r.voided"
                        + " order by r.measured_at desc, f.imported_at desc limit 1")
                .param("unit", unitId)
                .query(AnalyserResults::row)
                .list());
        if (latest.isEmpty()) {
            return new Nutrients(null, null, null, null);
        }
        AnalyserResultView r = latest.get(0);
        BigDecimal energy = r.value(Nutrient.ENERGY);
        BigDecimal protein = r.value(Nutrient.TRUE_PROTEIN) != null
                ? r.value(Nutrient.TRUE_PROTEIN)
                : r.value(Nutrient.CRUDE_PROTEIN);
        return new Nutrients(
                energy == null ? null : energy.setScale(0, RoundingMode.HALF_UP).intValueExact(),
                tenth(protein),
                tenth(r.value(Nutrient.FAT)),
                tenth(r.value(Nutrient.CARBOHYDRATE)));
    }

    private static BigDecimal tenth(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }

    /** Every result of a unit, newest first, voided ones too (struck through on the page). */
    public List<AnalyserResultView> ofUnit(UUID unitId) {
        return withReadings(jdbc.sql(SELECT + " where r.unit_id = :unit order by r.measured_at desc, r.row_number")
                .param("unit", unitId)
                .query(AnalyserResults::row)
                .list());
    }

    public List<AnalyserResultView> ofImport(UUID importId) {
        return withReadings(jdbc.sql(SELECT + " where r.import_id = :import order by r.row_number")
                .param("import", importId)
                .query(AnalyserResults::row)
                .list());
    }

    public Paged<AnalyserResultView> recent(PageRequest page) {
        long total = jdbc.sql("select count(*) from lab_analyser_result")
                .query(Long.class)
                .single();
        List<AnalyserResultView> items =
                withReadings(jdbc.sql(SELECT + " order by r.measured_at desc, r.row_number limit :limit offset :offset")
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query(AnalyserResults::row)
                        .list());
        return new Paged<>(items, page, total);
    }

    public ImportView importOf(UUID importId) {
        return imports(" where f.id = :id", Map.of("id", importId), PageRequest.first()).items().stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("lab.analyser.import.notFound", importId));
    }

    public Paged<ImportView> imports(PageRequest page) {
        return imports("", Map.of(), page);
    }

    private Paged<ImportView> imports(String where, Map<String, Object> params, PageRequest page) {
        long total = jdbc.sql("select count(*) from lab_analyser_import f" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ImportView> items = jdbc.sql("""
                        select f.id, f.instrument_id, i.name, f.file_name, f.file_format, f.row_count,
                               (select count(*) from lab_analyser_result r where r.import_id = f.id and r.counted
                                  and not r.voided) as counted,
                               f.imported_by, f.imported_at
                        from lab_analyser_import f join lab_analyser_instrument i on i.id = f.instrument_id
                        """ + where + " order by f.imported_at desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new ImportView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("instrument_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("file_name"),
                        FileFormat.valueOf(rs.getString("file_format")),
                        rs.getInt("row_count"),
                        rs.getLong("counted"),
                        rs.getString("imported_by"),
                        rs.getTimestamp("imported_at").toInstant()))
                .list();
        return new Paged<>(items, page, total);
    }

    /** Voids one row with a reason; it stays on the record, struck through, and no longer counts. */
    @Transactional
    public AnalyserResultView voidResult(UUID resultId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        if (reason.strip().length() > TextLimits.REASON) {
            throw new RuleViolation("lab.analyser.instrument.tooLong", TextLimits.REASON).on("reason");
        }
        AnalyserResultView result = jdbc.sql(SELECT + " where r.id = :id for update of r")
                .param("id", resultId)
                .query(AnalyserResults::row)
                .optional()
                .orElseThrow(() -> new NotFound("lab.analyser.result.notFound", resultId));
        if (result.voided()) {
            throw new RuleViolation("lab.analyser.result.alreadyVoided", result.rowNumber());
        }
        jdbc.sql("""
                        update lab_analyser_result set voided = true, void_reason = :reason, voided_at = :at,
                            voided_by = :by, version = version + 1
                        where id = :id
                        """)
                .param("reason", reason.strip())
                .param("at", Timestamp.from(clock.instant()))
                .param("by", CurrentActor.username())
                .param("id", resultId)
                .update();
        history.recordCorrection(
                AnalyserImports.RECORD,
                result.importId(),
                Said.of(
                        "lab.analyser.history.voided",
                        result.rowNumber(),
                        result.checkSample() ? result.sampleCode() : result.unitLabel()),
                reason.strip());
        if (result.checkSample()) {
            redecideDay(result);
        }
        return result;
    }

    /**
     * A voided check sample no longer vouches for its day: each result of that instrument and day is decided again
     * by the check samples left in its own file or an earlier one.
     */
    private void redecideDay(AnalyserResultView voidedCheck) {
        java.time.ZoneId zone = clock.getZone();
        java.time.LocalDate day = java.time.LocalDate.ofInstant(voidedCheck.measuredAt(), zone);
        record Line(
                UUID id,
                boolean check,
                Boolean passed,
                java.time.Instant at,
                java.time.Instant importedAt,
                boolean counted) {}
        List<Line> lines = jdbc.sql("""
                        select r.id, r.check_sample, r.check_passed, r.measured_at, f.imported_at, r.counted
                        from lab_analyser_result r join lab_analyser_import f on f.id = r.import_id
                        where r.instrument_id = :instrument and not r.voided
                          and r.measured_at >= :from and r.measured_at < :to
                        """)
                .param("instrument", voidedCheck.instrumentId())
                .param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new Line(
                        rs.getObject("id", UUID.class),
                        rs.getBoolean("check_sample"),
                        (Boolean) rs.getObject("check_passed"),
                        rs.getTimestamp("measured_at").toInstant(),
                        rs.getTimestamp("imported_at").toInstant(),
                        rs.getBoolean("counted")))
                .list();
        for (Line line : lines) {
            if (line.check()) {
                continue;
            }
            CheckGate gate = CheckGate.over(
                    lines.stream()
                            .filter(c -> c.check() && !c.importedAt().isAfter(line.importedAt()))
                            .map(c -> new CheckGate.Check(c.at(), Boolean.TRUE.equals(c.passed())))
                            .toList(),
                    zone);
            java.util.Optional<NotCounted> decided = gate.decide(line.at());
            if (decided.isEmpty() != line.counted() || !line.counted()) {
                jdbc.sql("""
                                update lab_analyser_result set counted = :counted, not_counted_reason = :reason,
                                    version = version + 1
                                where id = :id
                                """)
                        .param("counted", decided.isEmpty())
                        .param("reason", decided.map(Enum::name).orElse(null))
                        .param("id", line.id())
                        .update();
            }
        }
    }

    private List<AnalyserResultView> withReadings(List<AnalyserResultView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<AnalyserResultView.ReadingView>> readings = new HashMap<>();
        jdbc.sql("""
                        select result_id, nutrient, raw_value, raw_unit, value from lab_analyser_reading
                        where result_id in (:ids) order by nutrient
                        """)
                .param("ids", rows.stream().map(AnalyserResultView::id).toList())
                .query((rs, n) -> readings.computeIfAbsent(
                                rs.getObject("result_id", UUID.class), k -> new ArrayList<>())
                        .add(new AnalyserResultView.ReadingView(
                                Nutrient.valueOf(rs.getString("nutrient")),
                                rs.getBigDecimal("raw_value"),
                                ReadingUnit.valueOf(rs.getString("raw_unit")),
                                rs.getBigDecimal("value"))))
                .list();
        return rows.stream()
                .map(r -> new AnalyserResultView(
                        r.id(),
                        r.importId(),
                        r.rowNumber(),
                        r.sampleCode(),
                        r.checkSample(),
                        r.unitId(),
                        r.unitLabel(),
                        r.measuredAt(),
                        r.counted(),
                        r.notCounted(),
                        r.instrumentId(),
                        r.instrumentName(),
                        r.fileName(),
                        r.importedBy(),
                        r.importedAt(),
                        r.voided(),
                        r.voidReason(),
                        readings.getOrDefault(r.id(), List.of()),
                        r.procedure()))
                .toList();
    }

    private static AnalyserResultView row(ResultSet rs, int n) throws SQLException {
        String notCounted = rs.getString("not_counted_reason");
        return new AnalyserResultView(
                rs.getObject("id", UUID.class),
                rs.getObject("import_id", UUID.class),
                rs.getInt("row_number"),
                rs.getString("sample_code"),
                rs.getBoolean("check_sample"),
                rs.getObject("unit_id", UUID.class),
                rs.getString("unit_label"),
                rs.getTimestamp("measured_at").toInstant(),
                rs.getBoolean("counted"),
                notCounted == null ? null : NotCounted.valueOf(notCounted),
                rs.getObject("instrument_id", UUID.class),
                rs.getString("instrument_name"),
                rs.getString("file_name"),
                rs.getString("imported_by"),
                rs.getTimestamp("imported_at").toInstant(),
                rs.getBoolean("voided"),
                rs.getString("void_reason"),
                List.of(),
                rs.getString("procedure_code") == null
                        ? null
                        : new org.openmilkbank.lab.ProcedureFollowed(
                                rs.getString("procedure_code"),
                                rs.getInt("procedure_version"),
                                rs.getString("procedure_profile_code")));
    }
}
