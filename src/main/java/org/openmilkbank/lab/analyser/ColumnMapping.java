package org.openmilkbank.lab.analyser;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openmilkbank.shared.RuleViolation;

/**
 * An instrument's mapping laid over a file's header: which column holds the sample id, the time and each nutrient.
 * A file without every mapped column is refused whole; each row is then read into a sample, a moment and readings,
 * or the reasons it cannot be.
 */
final class ColumnMapping {

    /** A decimal as instruments write it: a point or a comma, no grouping, no exponent. */
    private static final Pattern DECIMAL = Pattern.compile("^[+-]?\\d{1,6}([.,]\\d{1,6})?$");

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart()
            .appendPattern(":ss")
            .optionalEnd()
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    record Parsed(int row, String sampleCode, Instant measuredAt, Map<Nutrient, Reading> readings) {}

    private final int sample;
    private final int time;
    private final Map<Nutrient, Integer> nutrients = new EnumMap<>(Nutrient.class);
    private final Map<Nutrient, Channel> channels = new EnumMap<>(Nutrient.class);
    private final ZoneId zone;

    private ColumnMapping(Instrument instrument, List<String> header, ZoneId zone) {
        this.zone = zone;
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        this.sample = find(index, instrument.sampleColumn(), missing);
        this.time = find(index, instrument.timeColumn(), missing);
        for (Channel channel : instrument.channels()) {
            nutrients.put(channel.nutrient(), find(index, channel.column(), missing));
            channels.put(channel.nutrient(), channel);
        }
        if (!missing.isEmpty()) {
            throw new RuleViolation("lab.analyser.file.missingColumns", String.join("; ", missing)).on("file");
        }
    }

    static ColumnMapping over(Instrument instrument, List<String> header, ZoneId zone) {
        return new ColumnMapping(instrument, header, zone);
    }

    private static int find(Map<String, Integer> index, String column, List<String> missing) {
        Integer at = index.get(column.strip().toLowerCase(Locale.ROOT));
        if (at == null) {
            missing.add(column);
            return -1;
        }
        return at;
    }

    /** The row read, or empty with its problems added to {@code errors}. */
    Optional<Parsed> parse(AnalyserTable.Row row, Instant now, List<RowError> errors, List<String> header) {
        int before = errors.size();
        AnalyserTable.Cell sampleCell = row.cell(sample);
        String sampleCode = null;
        if (check(row, sample, sampleCell, errors, header)) {
            if (sampleCell.blank()) {
                errors.add(new RowError(row.number(), header.get(sample), "", RowProblem.SAMPLE_ID_MISSING));
            } else {
                sampleCode = sampleCell.text();
            }
        }
        Instant measuredAt = null;
        AnalyserTable.Cell timeCell = row.cell(time);
        if (check(row, time, timeCell, errors, header)) {
            measuredAt = moment(row, timeCell, now, errors, header.get(time));
        }
        Map<Nutrient, Reading> readings = new EnumMap<>(Nutrient.class);
        for (Map.Entry<Nutrient, Integer> column : nutrients.entrySet()) {
            AnalyserTable.Cell cell = row.cell(column.getValue());
            if (!check(row, column.getValue(), cell, errors, header) || cell.blank()) {
                continue;
            }
            String name = header.get(column.getValue());
            if (!DECIMAL.matcher(cell.text()).matches()) {
                errors.add(new RowError(row.number(), name, cell.text(), RowProblem.NOT_A_NUMBER));
                continue;
            }
            BigDecimal raw = new BigDecimal(cell.text().replace(',', '.'));
            Channel channel = channels.get(column.getKey());
            Reading reading = Reading.of(column.getKey(), raw, channel.unit(), channel.correction());
            if (raw.signum() < 0 || !column.getKey().plausible(reading.value())) {
                errors.add(new RowError(row.number(), name, cell.text(), RowProblem.OUT_OF_RANGE));
                continue;
            }
            readings.put(column.getKey(), reading);
        }
        if (errors.size() == before && readings.isEmpty()) {
            errors.add(new RowError(row.number(), null, null, RowProblem.NO_VALUES));
        }
        return errors.size() == before
                ? Optional.of(new Parsed(row.number(), sampleCode, measuredAt, readings))
                : Optional.empty();
    }

    private static boolean check(
            AnalyserTable.Row row, int column, AnalyserTable.Cell cell, List<RowError> errors, List<String> header) {
        if (cell.formula()) {
            errors.add(new RowError(row.number(), header.get(column), cell.text(), RowProblem.FORMULA));
            return false;
        }
        if (cell.text().length() > FileLimits.MAX_CELL) {
            errors.add(new RowError(row.number(), header.get(column), cell.text(), RowProblem.CELL_TOO_LONG));
            return false;
        }
        return true;
    }

    private Instant moment(
            AnalyserTable.Row row, AnalyserTable.Cell cell, Instant now, List<RowError> errors, String name) {
        if (cell.blank()) {
            errors.add(new RowError(row.number(), name, "", RowProblem.TIME_MISSING));
            return null;
        }
        Instant at;
        try {
            at = cell.dateTime() != null ? cell.dateTime().atZone(zone).toInstant() : parseTime(cell.text());
        } catch (DateTimeException e) {
            errors.add(new RowError(row.number(), name, cell.text(), RowProblem.BAD_TIME));
            return null;
        }
        if (at.isAfter(now)) {
            errors.add(new RowError(row.number(), name, cell.text(), RowProblem.FUTURE_TIME));
            return null;
        }
        return at;
    }

    private Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            return LocalDateTime.parse(text, LOCAL).atZone(zone).toInstant();
        }
    }
}
