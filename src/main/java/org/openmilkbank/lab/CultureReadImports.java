package org.openmilkbank.lab;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports culture reads from a CSV file (Apache Commons CSV), all or nothing in one transaction. The columns are
 * the sample's code (with or without its check character), when the plates were read, the organism's code, its count
 * in CFU/mL and who read the plates; one row is one organism's count, and the rows of one sample read at one time by
 * one reader are one read. A file whose structure is wrong is refused whole; a file with any bad row imports nothing
 * and names every bad row with its reason. Each read is judged exactly as an entered one, and keeps the file it came
 * from (its name and sha-256, who imported it, when) and its row.
 */
@Service
@Transactional
public class CultureReadImports {

    /** The history's record type of an import, by the import's id. */
    public static final String RECORD = "CultureReadImport";

    /** The largest file read: a day's reads are a few kilobytes. */
    public static final int MAX_BYTES = 1024 * 1024;

    static final int MAX_ROWS = 5_000;

    static final int SHOWN = 40;

    /** The columns, in the words of the file's header (case, spaces and punctuation aside). */
    public enum Column {
        SAMPLE("sample"),
        READ_AT("read_at"),
        ORGANISM("organism"),
        CFU_PER_ML("cfu_per_ml"),
        READER("reader");

        private final String header;

        Column(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }

        static Optional<Column> ofHeader(String text) {
            String plain = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            return java.util.Arrays.stream(values())
                    .filter(c -> c.header.replace("_", "").equals(plain)
                            || (c == SAMPLE && plain.equals("samplecode"))
                            || (c == CFU_PER_ML && plain.equals("cfuml")))
                    .findFirst();
        }
    }

    /** A row that cannot be imported: its number in the file (the header is row 1), the column, its text and why. */
    public record RowError(int row, Column column, String value, Said reason) {
        public RowError {
            if (value != null && value.length() > SHOWN) {
                value = value.substring(0, SHOWN) + "…";
            }
        }
    }

    /** A file with bad rows: none was imported. */
    public static class Refused extends RuleViolation {

        private final transient List<RowError> rows;

        Refused(List<RowError> rows) {
            super(
                    "lab.cultureImport.badRows",
                    rows.stream().map(RowError::row).distinct().count());
            this.rows = List.copyOf(rows);
            on("file");
        }

        public List<RowError> rows() {
            return rows;
        }
    }

    /** What an import kept: the file, who imported it, how many rows and reads. */
    public record ImportView(
            UUID id,
            String fileName,
            String sha256,
            int rows,
            int reads,
            Instant importedAt,
            String importedBy,
            List<Sampled> samples) {}

    /** A sample an import read, by its id and code with its check character. */
    public record Sampled(UUID id, String code) {}

    private record Parsed(
            int row, UUID sampleId, String sampleCode, Instant readAt, CultureCount count, String reader) {}

    private record ReadKey(UUID sampleId, Instant readAt, String reader) {}

    private final LabManagement lab;
    private final JdbcClient jdbc;
    private final History history;
    private final Clock clock;

    CultureReadImports(LabManagement lab, JdbcClient jdbc, History history, Clock clock) {
        this.lab = lab;
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    public ImportView importFile(String fileName, byte[] bytes) {
        List<CSVRecord> records = records(bytes);
        Map<Column, Integer> columns = columns(records.get(0));
        List<RowError> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Optional<SampleView>> samples = new HashMap<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            int row = (int) record.getRecordNumber();
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (record.size() != columns.size()) {
                errors.add(new RowError(row, null, String.join(",", record.toList()), problem("columns")));
                continue;
            }
            parse(row, record, columns, samples).ifPresentOrElse(parsed::add, () -> {});
            errors.addAll(rowErrors(row, record, columns, samples));
        }
        if (parsed.isEmpty() && errors.isEmpty()) {
            throw new RuleViolation("lab.cultureImport.file.noRows").on("file");
        }

        // the rows of one sample, read at one time by one reader, are one read; a sample is read once per file
        Map<ReadKey, List<Parsed>> reads = new LinkedHashMap<>();
        Map<UUID, ReadKey> readOf = new HashMap<>();
        for (Parsed p : parsed) {
            ReadKey key = new ReadKey(p.sampleId(), p.readAt(), p.reader());
            ReadKey first = readOf.putIfAbsent(p.sampleId(), key);
            if (first != null && !first.equals(key)) {
                errors.add(new RowError(p.row(), Column.SAMPLE, p.sampleCode(), problem("sampleTwice")));
                continue;
            }
            List<Parsed> read = reads.computeIfAbsent(key, k -> new ArrayList<>());
            if (read.stream().anyMatch(other -> sameOrganism(other.count(), p.count()))) {
                errors.add(new RowError(
                        p.row(), Column.ORGANISM, p.count().organism().name(), problem("organismTwice")));
                continue;
            }
            read.add(p);
        }

        String sha = sha256(bytes);
        UUID importId = UUID.randomUUID();
        String by = CurrentActor.username();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String name = cleanName(fileName);
        jdbc.sql("""
                        insert into lab_culture_import (id, file_name, file_sha256, row_count, imported_at, imported_by)
                        values (:id, :name, :sha, :rows, :at, :by)
                        """)
                .param("id", importId)
                .param("name", name)
                .param("sha", sha)
                .param("rows", Math.max(1, parsed.size()))
                .param("at", Timestamp.from(now))
                .param("by", by)
                .update();
        // each read is judged as an entered one; a refusal is its rows' reason, and nothing is kept
        List<Sampled> judged = new ArrayList<>();
        for (Map.Entry<ReadKey, List<Parsed>> read : reads.entrySet()) {
            List<Parsed> rows = read.getValue();
            Parsed first = rows.get(0);
            try {
                lab.importRead(
                        first.sampleId(),
                        rows.stream().map(Parsed::count).toList(),
                        first.readAt(),
                        first.reader(),
                        importId,
                        first.row());
                history.record(
                        LabManagement.RECORD_TYPE,
                        first.sampleId(),
                        Said.of("lab.culture.history.imported", first.sampleCode(), first.reader(), name, first.row()));
                judged.add(new Sampled(first.sampleId(), first.sampleCode()));
            } catch (RuleViolation refused) {
                Column column = refused.field()
                        .map(f -> f.equals("readAt") ? Column.READ_AT : f.equals("counts") ? Column.CFU_PER_ML : null)
                        .orElse(Column.SAMPLE);
                for (Parsed p : rows) {
                    errors.add(new RowError(
                            p.row(),
                            column,
                            column == Column.READ_AT ? p.readAt().toString() : p.sampleCode(),
                            Said.of(refused.code(), refused.args())));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            throw new Refused(errors);
        }
        history.record(RECORD, importId, Said.of("lab.cultureImport.history.imported", reads.size(), name, sha));
        return new ImportView(importId, name, sha, parsed.size(), reads.size(), now, by, judged);
    }

    /** An import as it was kept, with the samples its reads judged. */
    @Transactional(readOnly = true)
    public ImportView find(UUID importId) {
        List<Sampled> samples = jdbc.sql("""
                        select distinct s.id, s.code from lab_culture_read r join lab_sample s on s.id = r.sample_id
                        where r.import_id = :id order by s.code
                        """)
                .param("id", importId)
                .query((rs, n) -> new Sampled(
                        rs.getObject("id", UUID.class),
                        org.openmilkbank.shared.Din.parse(rs.getString("code")).withCheck()))
                .list();
        return jdbc.sql("""
                        select id, file_name, file_sha256, row_count, imported_at, imported_by
                        from lab_culture_import where id = :id
                        """)
                .param("id", importId)
                .query((rs, n) -> new ImportView(
                        rs.getObject("id", UUID.class),
                        rs.getString("file_name"),
                        rs.getString("file_sha256"),
                        rs.getInt("row_count"),
                        samples.size(),
                        rs.getTimestamp("imported_at").toInstant(),
                        rs.getString("imported_by"),
                        samples))
                .optional()
                .orElseThrow(() -> new NotFound("lab.cultureImport.notFound", importId));
    }

    /** The imports the reads came from, by id (for a sample's page). */
    @Transactional(readOnly = true)
    public Map<UUID, ImportView> find(java.util.Collection<UUID> importIds) {
        Map<UUID, ImportView> found = new HashMap<>();
        importIds.stream().filter(Objects::nonNull).distinct().forEach(id -> found.put(id, find(id)));
        return found;
    }

    private static List<CSVRecord> records(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new RuleViolation("lab.cultureImport.file.empty").on("file");
        }
        if (bytes.length > MAX_BYTES) {
            throw new RuleViolation("lab.cultureImport.file.tooLarge", MAX_BYTES / 1024).on("file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notCsv();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.chars().anyMatch(c -> c == 0 || (c < 0x20 && c != '\t' && c != '\r' && c != '\n'))) {
            throw notCsv();
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count()
                        > firstLine.chars().filter(c -> c == ',').count()
                ? ';'
                : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                if (records.size() > MAX_ROWS) {
                    throw new RuleViolation("lab.cultureImport.file.tooManyRows", MAX_ROWS).on("file");
                }
                records.add(record);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw notCsv();
        }
        if (records.isEmpty()) {
            throw new RuleViolation("lab.cultureImport.file.empty").on("file");
        }
        return records;
    }

    /** The header must name each column once and nothing else; otherwise the file is refused whole. */
    private static Map<Column, Integer> columns(CSVRecord header) {
        Map<Column, Integer> columns = new java.util.EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            Optional<Column> column = Column.ofHeader(header.get(i));
            if (column.isEmpty() || columns.putIfAbsent(column.get(), i) != null) {
                throw structure();
            }
        }
        if (columns.size() != Column.values().length) {
            throw structure();
        }
        return columns;
    }

    private static RuleViolation structure() {
        return new RuleViolation(
                        "lab.cultureImport.file.columns",
                        String.join(
                                ", ",
                                java.util.Arrays.stream(Column.values())
                                        .map(Column::header)
                                        .toList()))
                .on("file");
    }

    private static RuleViolation notCsv() {
        return new RuleViolation("lab.cultureImport.file.notCsv").on("file");
    }

    private static String cell(CSVRecord record, Map<Column, Integer> columns, Column column) {
        return record.get(columns.get(column)).strip();
    }

    /** The row as understood, when every cell of it is; its errors are listed by {@link #rowErrors}. */
    private Optional<Parsed> parse(
            int row, CSVRecord record, Map<Column, Integer> columns, Map<String, Optional<SampleView>> samples) {
        Optional<SampleView> sample = sample(cell(record, columns, Column.SAMPLE), samples);
        Optional<Instant> readAt = time(cell(record, columns, Column.READ_AT));
        Optional<CultureCount> count =
                count(cell(record, columns, Column.ORGANISM), cell(record, columns, Column.CFU_PER_ML));
        String reader = cell(record, columns, Column.READER);
        if (sample.isEmpty() || readAt.isEmpty() || count.isEmpty() || !readerOk(reader)) {
            return Optional.empty();
        }
        return Optional.of(
                new Parsed(row, sample.get().id(), sample.get().codeWithCheck(), readAt.get(), count.get(), reader));
    }

    private List<RowError> rowErrors(
            int row, CSVRecord record, Map<Column, Integer> columns, Map<String, Optional<SampleView>> samples) {
        List<RowError> errors = new ArrayList<>();
        String code = cell(record, columns, Column.SAMPLE);
        if (sample(code, samples).isEmpty()) {
            errors.add(new RowError(row, Column.SAMPLE, code, problem("unknownSample")));
        }
        String at = cell(record, columns, Column.READ_AT);
        if (time(at).isEmpty()) {
            errors.add(new RowError(row, Column.READ_AT, at, problem("badTime")));
        }
        String organism = cell(record, columns, Column.ORGANISM);
        if (organism(organism).isEmpty()) {
            errors.add(new RowError(row, Column.ORGANISM, organism, problem("unknownOrganism")));
        }
        String cfu = cell(record, columns, Column.CFU_PER_ML);
        if (cfu(cfu).isEmpty()) {
            errors.add(new RowError(row, Column.CFU_PER_ML, cfu, problem("badNumber")));
        }
        String reader = cell(record, columns, Column.READER);
        if (!readerOk(reader)) {
            errors.add(new RowError(row, Column.READER, reader, problem("readerRequired")));
        }
        return errors;
    }

    private Optional<SampleView> sample(String code, Map<String, Optional<SampleView>> samples) {
        if (code.isEmpty() || code.length() > TextLimits.LABEL) {
            return Optional.empty();
        }
        return samples.computeIfAbsent(code.toUpperCase(Locale.ROOT), c -> lab.findByCode(code));
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    /** An ISO moment with its offset, or the bank's local time written {@code yyyy-MM-dd HH:mm}. */
    private Optional<Instant> time(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException notOffset) {
            try {
                return Optional.of(
                        LocalDateTime.parse(text, LOCAL).atZone(clock.getZone()).toInstant());
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
    }

    /** An organism of the list by its code; another organism is written {@code OTHER:<name>}. */
    private static Optional<CultureCount> count(String organism, String cfu) {
        return organism(organism).flatMap(o -> cfu(cfu).map(n -> new CultureCount(o.organism(), o.otherName(), n)));
    }

    private static Optional<CultureCount> organism(String text) {
        if (text.isEmpty() || text.length() > TextLimits.LABEL) {
            return Optional.empty();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("OTHER:")) {
            String name = text.substring("OTHER:".length()).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(new CultureCount(Organism.OTHER, name, 0));
        }
        try {
            Organism o = Organism.valueOf(upper);
            return o == Organism.OTHER ? Optional.empty() : Optional.of(CultureCount.of(o, 0));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> cfu(String text) {
        if (!text.matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    private static boolean readerOk(String reader) {
        return !reader.isEmpty() && reader.length() <= TextLimits.LABEL;
    }

    private static boolean sameOrganism(CultureCount a, CultureCount b) {
        return a.organism() == b.organism()
                && (a.organism() != Organism.OTHER || a.otherName().equalsIgnoreCase(b.otherName()));
    }

    private static Said problem(String key) {
        return Said.code("lab.cultureImport.problem." + key);
    }

    private static String cleanName(String fileName) {
        String name =
                fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}]", "").strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty()) {
            name = "reads.csv";
        }
        return name.length() > TextLimits.LABEL ? name.substring(0, TextLimits.LABEL) : name;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
