package org.openmilkbank.lab.analyser;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.TextLimits;

/**
 * A milk analyser of the lab, defined once: its column mapping, its linear correction per nutrient and its daily
 * check sample. Amended with a reason and retired, never deleted: every imported result names the instrument.
 */
@Entity
@Table(name = "lab_analyser_instrument")
class Instrument {

    /** How far a correction may move a reading: beyond it the calibration is a typing error, not an instrument's. */
    static final BigDecimal MAX_SLOPE = new BigDecimal("10");

    static final BigDecimal MAX_INTERCEPT = new BigDecimal("100");

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String model;

    @Column(nullable = false)
    private String serial;

    @Column(name = "sample_column", nullable = false)
    private String sampleColumn;

    @Column(name = "time_column", nullable = false)
    private String timeColumn;

    @Column(name = "check_sample_id", nullable = false)
    private String checkSampleId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lab_analyser_channel", joinColumns = @JoinColumn(name = "instrument_id"))
    private List<Channel> channels = new ArrayList<>();

    @Column(nullable = false)
    private boolean active;

    @Column(name = "retired_reason")
    private String retiredReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    private long version;

    protected Instrument() {}

    Instrument(InstrumentDetails details, String by, Instant now) {
        this.id = UUID.randomUUID();
        this.active = true;
        this.createdAt = now;
        this.createdBy = by;
        apply(validated(details));
    }

    /** Returns what changed, empty when nothing did. */
    List<Said> amend(InstrumentDetails details) {
        if (!active) {
            throw new RuleViolation("lab.analyser.instrument.retired", name);
        }
        InstrumentDetails d = validated(details);
        List<Said> changes = new ArrayList<>();
        change(changes, "name", name, d.name());
        change(changes, "model", model, d.model());
        change(changes, "serial", serial, d.serial());
        change(changes, "sampleColumn", sampleColumn, d.sampleColumn());
        change(changes, "timeColumn", timeColumn, d.timeColumn());
        change(changes, "checkSampleId", checkSampleId, d.checkSampleId());
        for (Nutrient nutrient : Nutrient.values()) {
            Optional<Channel> before = channel(nutrient);
            Optional<Channel> after = d.channels().stream()
                    .filter(c -> c.nutrient() == nutrient)
                    .findFirst()
                    .map(Channel::new);
            boolean same = before.isEmpty() ? after.isEmpty() : before.get().sameAs(after.orElse(null));
            if (!same) {
                changes.add(after.map(Instrument::describe)
                        .orElse(Said.of("lab.analyser.history.channelRemoved", Said.label(nutrient))));
            }
        }
        apply(d);
        return changes;
    }

    void retire(String reason) {
        if (!active) {
            throw new RuleViolation("lab.analyser.instrument.retired", name);
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        active = false;
        retiredReason = reason.strip();
    }

    private static Said describe(Channel c) {
        ChannelDetails d = c.details();
        return Said.of(
                "lab.analyser.history.channelSet",
                Said.label(d.nutrient()),
                d.column(),
                Said.label(d.unit()),
                d.slope(),
                d.intercept(),
                c.hasCheckRange()
                        ? Said.of("lab.analyser.checkRange", d.checkMin(), d.checkMax())
                        : Said.code("lab.analyser.checkRange.none"));
    }

    private static void change(List<Said> changes, String field, String before, String after) {
        if (!before.equals(after)) {
            changes.add(Said.of(
                    "lab.analyser.history.change", Said.code("lab.analyser.instrument." + field), before, after));
        }
    }

    private void apply(InstrumentDetails d) {
        name = d.name();
        model = d.model();
        serial = d.serial();
        sampleColumn = d.sampleColumn();
        timeColumn = d.timeColumn();
        checkSampleId = d.checkSampleId();
        channels.clear();
        d.channels().forEach(c -> channels.add(new Channel(c)));
    }

    static InstrumentDetails validated(InstrumentDetails d) {
        if (d == null) {
            throw new RuleViolation("lab.analyser.instrument.nameRequired").on("name");
        }
        String name = text(d.name(), "name", TextLimits.NAME);
        String model = text(d.model(), "model", TextLimits.NAME);
        String serial = text(d.serial(), "serial", TextLimits.CODE);
        String sampleColumn = text(d.sampleColumn(), "sampleColumn", TextLimits.CODE);
        String timeColumn = text(d.timeColumn(), "timeColumn", TextLimits.CODE);
        String checkSampleId = text(d.checkSampleId(), "checkSampleId", TextLimits.CODE);
        Set<String> columns = new HashSet<>();
        columns.add(sampleColumn.toLowerCase(Locale.ROOT));
        if (!columns.add(timeColumn.toLowerCase(Locale.ROOT))) {
            throw new RuleViolation("lab.analyser.instrument.columnTwice", timeColumn).on("timeColumn");
        }
        List<ChannelDetails> given = d.channels() == null ? List.of() : d.channels();
        List<ChannelDetails> channels = new ArrayList<>();
        Set<Nutrient> nutrients = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ChannelDetails c = given.get(i);
            if (c == null || !c.mapped()) {
                continue;
            }
            String at = "channels[" + i + "].";
            if (c.nutrient() == null || !nutrients.add(c.nutrient())) {
                throw new RuleViolation("lab.analyser.instrument.nutrientRequired").on(at + "nutrient");
            }
            String column = text(c.column(), at + "column", TextLimits.CODE);
            if (!columns.add(column.toLowerCase(Locale.ROOT))) {
                throw new RuleViolation("lab.analyser.instrument.columnTwice", column).on(at + "column");
            }
            if (c.unit() == null || !c.unit().fits(c.nutrient())) {
                throw new RuleViolation("lab.analyser.instrument.unitDoesNotFit", Said.label(c.nutrient()))
                        .on(at + "unit");
            }
            BigDecimal slope = c.slope() == null ? BigDecimal.ONE : c.slope();
            if (slope.signum() <= 0 || slope.compareTo(MAX_SLOPE) > 0 || slope.scale() > 4) {
                throw new RuleViolation("lab.analyser.instrument.slopeOutOfRange", MAX_SLOPE).on(at + "slope");
            }
            BigDecimal intercept = c.intercept() == null ? BigDecimal.ZERO : c.intercept();
            if (intercept.abs().compareTo(MAX_INTERCEPT) > 0 || intercept.scale() > 4) {
                throw new RuleViolation("lab.analyser.instrument.interceptOutOfRange", MAX_INTERCEPT)
                        .on(at + "intercept");
            }
            if ((c.checkMin() == null) != (c.checkMax() == null)
                    || (c.checkMin() != null
                            && (c.checkMin().signum() < 0
                                    || c.checkMin().compareTo(c.checkMax()) > 0
                                    || c.checkMax().compareTo(c.nutrient().plausibleMax()) > 0))) {
                throw new RuleViolation("lab.analyser.instrument.checkRangeInvalid", Said.label(c.nutrient()))
                        .on(at + "checkMin");
            }
            channels.add(
                    new ChannelDetails(c.nutrient(), column, c.unit(), slope, intercept, c.checkMin(), c.checkMax()));
        }
        if (channels.isEmpty()) {
            throw new RuleViolation("lab.analyser.instrument.noNutrient").on("channels");
        }
        if (channels.stream().noneMatch(c -> c.checkMin() != null)) {
            throw new RuleViolation("lab.analyser.instrument.noCheckRange").on("checkSampleId");
        }
        channels.sort(Comparator.comparing(ChannelDetails::nutrient));
        return new InstrumentDetails(name, model, serial, sampleColumn, timeColumn, checkSampleId, channels);
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("lab.analyser.instrument.required").on(field);
        }
        String stripped = value.strip().replaceAll("\\s+", " ");
        if (stripped.length() > max) {
            throw new RuleViolation("lab.analyser.instrument.tooLong", max).on(field);
        }
        return stripped;
    }

    Optional<Channel> channel(Nutrient nutrient) {
        return channels.stream().filter(c -> c.nutrient() == nutrient).findFirst();
    }

    List<Channel> channels() {
        return List.copyOf(channels);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String sampleColumn() {
        return sampleColumn;
    }

    String timeColumn() {
        return timeColumn;
    }

    String checkSampleId() {
        return checkSampleId;
    }

    boolean active() {
        return active;
    }

    InstrumentView view() {
        return new InstrumentView(
                id,
                name,
                model,
                serial,
                sampleColumn,
                timeColumn,
                checkSampleId,
                channels.stream().map(Channel::details).toList(),
                active,
                retiredReason,
                createdAt,
                createdBy);
    }
}
