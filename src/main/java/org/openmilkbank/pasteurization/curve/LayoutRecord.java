package org.openmilkbank.pasteurization.curve;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.equipment.log.LoggerLayout;
import org.openmilkbank.shared.RuleViolation;

/** A logger layout, one version: an amendment is a new version that supersedes this one, which is kept. */
@Entity
@Table(name = "pasteurization_logger_layout")
class LayoutRecord {

    static final int MAX_PROBES = 32;

    @Id
    private UUID id;

    private String name;
    private String model;
    private String delimiter;

    @Column(name = "header_row")
    private int headerRow;

    @Column(name = "time_column")
    private String timeColumn;

    @Column(name = "time_format")
    private String timeFormat;

    @Column(name = "time_zone")
    private String timeZone;

    private String probes;
    private boolean fahrenheit;

    @Column(name = "decimal_comma")
    private boolean decimalComma;

    private UUID supersedes;

    @Column(name = "amend_reason")
    private String amendReason;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected LayoutRecord() {}

    /** A layout from what was typed; refuses (on the field) what no file could be read by. */
    static LayoutRecord create(LayoutForm f, String by, Instant now) {
        LayoutRecord r = new LayoutRecord();
        r.id = UUID.randomUUID();
        r.name = f.name().strip();
        r.model = f.model().strip();
        if (f.delimiter() == null
                || f.delimiter().length() != 1
                || f.delimiter().equals("\"")) {
            throw new RuleViolation("pasteurization.curve.layout.delimiter").on("delimiter");
        }
        r.delimiter = f.delimiter();
        r.headerRow = f.headerRow();
        r.timeColumn = f.timeColumn().strip();
        r.timeFormat = f.timeFormat().strip();
        if (!LoggerLayout.ISO.equals(r.timeFormat) && !LoggerLayout.EPOCH_SECONDS.equals(r.timeFormat)) {
            try {
                DateTimeFormatter p = DateTimeFormatter.ofPattern(r.timeFormat, Locale.ROOT);
                LocalDateTime.parse(LocalDateTime.of(2026, 3, 4, 8, 5).format(p), p);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new RuleViolation("pasteurization.curve.layout.timeFormat", r.timeFormat).on("timeFormat");
            }
        }
        try {
            r.timeZone = ZoneId.of(f.timeZone().strip()).getId();
        } catch (DateTimeException e) {
            throw new RuleViolation("pasteurization.curve.layout.timeZone", f.timeZone()).on("timeZone");
        }
        List<LoggerLayout.Probe> probes = parseProbes(f.probes());
        r.probes = String.join(
                "\n", probes.stream().map(p -> p.column() + "=" + p.label()).toList());
        r.fahrenheit = f.fahrenheit();
        r.decimalComma = f.decimalComma();
        if (r.decimalComma && r.delimiter.equals(",")) {
            throw new RuleViolation("pasteurization.curve.layout.commaTwice").on("decimalComma");
        }
        r.createdBy = by;
        r.createdAt = now;
        return r;
    }

    static List<LoggerLayout.Probe> parseProbes(String text) {
        List<LoggerLayout.Probe> probes = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.lastIndexOf('=');
            String column = eq < 0 ? line.strip() : line.substring(0, eq).strip();
            String label = eq < 0 ? column : line.substring(eq + 1).strip();
            if (column.isEmpty() || label.isEmpty() || !labels.add(label.toLowerCase(Locale.ROOT))) {
                throw new RuleViolation("pasteurization.curve.layout.probe", line.strip()).on("probes");
            }
            probes.add(new LoggerLayout.Probe(column, label));
        }
        if (probes.isEmpty() || probes.size() > MAX_PROBES) {
            throw new RuleViolation("pasteurization.curve.layout.probeCount", MAX_PROBES).on("probes");
        }
        return probes;
    }

    /** The next version, saying why; this one is kept, marked superseded. */
    LayoutRecord amend(LayoutForm f, String by, Instant now) {
        if (supersededAt != null) {
            throw new RuleViolation("pasteurization.curve.layout.superseded");
        }
        if (f.reason() == null || f.reason().isBlank()) {
            throw new RuleViolation("pasteurization.curve.layout.reasonRequired").on("reason");
        }
        LayoutRecord next = create(f, by, now);
        next.supersedes = id;
        next.amendReason = f.reason().strip();
        supersededAt = now;
        return next;
    }

    UUID id() {
        return id;
    }

    boolean current() {
        return supersededAt == null;
    }

    LoggerLayout layout() {
        return new LoggerLayout(
                name,
                model,
                delimiter.charAt(0),
                headerRow,
                timeColumn,
                timeFormat,
                ZoneId.of(timeZone),
                parseProbes(probes),
                fahrenheit,
                decimalComma);
    }

    LayoutView view() {
        return new LayoutView(
                id,
                name,
                model,
                delimiter,
                headerRow,
                timeColumn,
                timeFormat,
                timeZone,
                parseProbes(probes),
                fahrenheit,
                decimalComma,
                supersedes,
                amendReason,
                supersededAt,
                createdBy,
                createdAt);
    }
}
