package org.openmilkbank.equipment.log;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

/**
 * Reads a logger's CSV by its layout (pure). A file that is not what the layout describes is refused whole
 * ({@link RuleViolation}): empty, not text, too big, too many rows, a missing column. A row that cannot be trusted is
 * reported with its number and refuses the file too, because a hole in the curve must never be filled silently: a
 * time that cannot be read, a number that is not one, an impossible temperature, a unit that is not the layout's, two
 * different temperatures of one probe at one moment. What can be trusted is a warning shown on the verdict: a row
 * repeated exactly (kept once), rows out of order (sorted), a probe's empty cell; gaps are judged by the gap rule.
 */
public final class LogParser {

    public static final int MAX_BYTES = 2_000_000;
    public static final int MAX_ROWS = 20_000;
    /** Colder or warmer than this no probe in a pasteuriser can read: the logger or the file is wrong. */
    public static final BigDecimal COLDEST = new BigDecimal("-50");

    public static final BigDecimal WARMEST = new BigDecimal("150");
    /** How many bad rows a refusal names; the count says how many there were. */
    static final int ROWS_NAMED = 20;

    private static final Pattern NUMBER = Pattern.compile("^([-+]?[0-9]+(?:[.,][0-9]+)?)\\s*(?:°\\s*)?([CcFf])?$");
    static final String K = "pasteurization.curve.import.";

    /** The readings of a file, each with the row it came from, and what was noticed but not refused. */
    public record Parsed(List<Reading> readings, List<Said> warnings, int rows) {}

    private LogParser() {}

    public static Parsed parse(byte[] content, LoggerLayout layout) {
        if (content == null || content.length == 0) {
            throw new RuleViolation(K + "empty").on("file");
        }
        if (content.length > MAX_BYTES) {
            throw new RuleViolation(K + "tooBig", content.length, MAX_BYTES).on("file");
        }
        String text = decode(content);
        if (text.isBlank()) {
            throw new RuleViolation(K + "empty").on("file");
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(layout.delimiter())
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(false)
                .get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            records = new ArrayList<>();
            for (CSVRecord r : parser) {
                records.add(r);
                if (records.size() > MAX_ROWS + layout.headerRow() + 1) {
                    throw new RuleViolation(K + "tooManyRows", MAX_ROWS).on("file");
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new RuleViolation(K + "notCsv").on("file");
        }
        if (records.size() < layout.headerRow()) {
            throw new RuleViolation(K + "noHeader", layout.headerRow()).on("file");
        }
        CSVRecord header = records.get(layout.headerRow() - 1);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        Integer timeIndex = columns.get(layout.timeColumn().strip().toLowerCase(Locale.ROOT));
        if (timeIndex == null) {
            missing.add(layout.timeColumn());
        }
        List<Integer> probeIndexes = new ArrayList<>();
        for (LoggerLayout.Probe p : layout.probes()) {
            Integer i = columns.get(p.column().strip().toLowerCase(Locale.ROOT));
            if (i == null) {
                missing.add(p.column());
            }
            probeIndexes.add(i);
        }
        if (!missing.isEmpty()) {
            throw new RuleViolation(K + "missingColumns", String.join("; ", missing), layout.name()).on("file");
        }
        DateTimeFormatter pattern = pattern(layout.timeFormat());
        List<Said> bad = new ArrayList<>();
        int badCount = 0;
        List<Said> warnings = new ArrayList<>();
        Map<String, Reading> seen = new HashMap<>();
        List<Reading> readings = new ArrayList<>();
        int rows = 0;
        int duplicates = 0;
        int outOfOrder = 0;
        int emptyCells = 0;
        Instant previous = null;
        for (int r = layout.headerRow(); r < records.size(); r++) {
            CSVRecord record = records.get(r);
            long row = record.getRecordNumber();
            if (blank(record)) {
                continue;
            }
            rows++;
            List<Said> problems = new ArrayList<>();
            Instant at = null;
            if (timeIndex >= record.size()) {
                problems.add(Said.of(K + "row.missingCells", row));
            } else {
                at = time(record.get(timeIndex), layout, pattern);
                if (at == null) {
                    problems.add(Said.of(K + "row.badTime", row, record.get(timeIndex)));
                }
            }
            List<Reading> ofRow = new ArrayList<>();
            for (int p = 0; p < layout.probes().size() && problems.isEmpty(); p++) {
                int i = probeIndexes.get(p);
                String label = layout.probes().get(p).label();
                if (i >= record.size() || record.get(i).isBlank()) {
                    emptyCells++;
                    continue;
                }
                String cell = record.get(i).strip();
                Matcher m = NUMBER.matcher(cell);
                if (!m.matches() || (!layout.decimalComma() && m.group(1).contains(","))) {
                    problems.add(Said.of(K + "row.notNumber", row, label, cell));
                    continue;
                }
                if (m.group(2) != null && m.group(2).equalsIgnoreCase("F") != layout.fahrenheit()) {
                    problems.add(Said.of(K + "row.wrongUnit", row, label, cell));
                    continue;
                }
                BigDecimal value = new BigDecimal(m.group(1).replace(',', '.'));
                BigDecimal celsius = layout.fahrenheit()
                        ? value.subtract(BigDecimal.valueOf(32))
                                .multiply(BigDecimal.valueOf(5))
                                .divide(BigDecimal.valueOf(9), 2, RoundingMode.HALF_UP)
                        : value.setScale(Math.min(Math.max(value.scale(), 0), 2), RoundingMode.HALF_UP);
                if (celsius.compareTo(COLDEST) < 0 || celsius.compareTo(WARMEST) > 0) {
                    problems.add(Said.of(K + "row.impossible", row, label, cell));
                    continue;
                }
                ofRow.add(new Reading(label, at, celsius));
            }
            if (!problems.isEmpty()) {
                badCount += problems.size();
                for (Said s : problems) {
                    if (bad.size() < ROWS_NAMED) {
                        bad.add(s);
                    }
                }
                continue;
            }
            if (previous != null && at.isBefore(previous)) {
                outOfOrder++;
            }
            previous = at;
            for (Reading reading : ofRow) {
                String key = reading.probe() + "@" + reading.at();
                Reading before = seen.putIfAbsent(key, reading);
                if (before == null) {
                    readings.add(reading);
                } else if (before.celsius().compareTo(reading.celsius()) == 0) {
                    duplicates++;
                } else {
                    badCount++;
                    if (bad.size() < ROWS_NAMED) {
                        bad.add(Said.of(K + "row.conflict", row, reading.probe(), before.celsius(), reading.celsius()));
                    }
                }
            }
        }
        if (badCount > 0) {
            throw new RuleViolation(K + "badRows", bad, badCount).on("file");
        }
        if (readings.isEmpty()) {
            throw new RuleViolation(K + "noReadings").on("file");
        }
        if (duplicates > 0) {
            warnings.add(Said.of(K + "warn.duplicates", duplicates));
        }
        if (outOfOrder > 0) {
            warnings.add(Said.of(K + "warn.outOfOrder", outOfOrder));
        }
        if (emptyCells > 0) {
            warnings.add(Said.of(K + "warn.emptyCells", emptyCells));
        }
        readings.sort(java.util.Comparator.comparing(Reading::at).thenComparing(Reading::probe));
        return new Parsed(List.copyOf(readings), List.copyOf(warnings), rows);
    }

    private static boolean blank(CSVRecord record) {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 (with or without its mark), else Windows-1252 as older loggers write; a file with NUL bytes is not text. */
    private static String decode(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                throw new RuleViolation(K + "notCsv").on("file");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(content, Charset.forName("windows-1252"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static DateTimeFormatter pattern(String timeFormat) {
        if (LoggerLayout.ISO.equals(timeFormat) || LoggerLayout.EPOCH_SECONDS.equals(timeFormat)) {
            return null;
        }
        return DateTimeFormatter.ofPattern(timeFormat, Locale.ROOT);
    }

    /** The moment a cell names, or {@code null} when it cannot be read. */
    static Instant time(String cell, LoggerLayout layout, DateTimeFormatter pattern) {
        String v = cell.strip();
        if (v.isEmpty() || v.length() > 40) {
            return null;
        }
        try {
            if (LoggerLayout.EPOCH_SECONDS.equals(layout.timeFormat())) {
                return Instant.ofEpochSecond(Long.parseLong(v));
            }
            if (pattern == null) {
                try {
                    return OffsetDateTime.parse(v).toInstant();
                } catch (DateTimeException e) {
                    return LocalDateTime.parse(v.replace(' ', 'T'))
                            .atZone(layout.zone())
                            .toInstant();
                }
            }
            return LocalDateTime.parse(v, pattern).atZone(layout.zone()).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
