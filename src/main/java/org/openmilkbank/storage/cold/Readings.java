package org.openmilkbank.storage.cold;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openmilkbank.equipment.log.LogParser;
import org.openmilkbank.equipment.log.LoggerLayout;
import org.openmilkbank.equipment.log.Reading;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A storage unit's temperatures: typed by a technician (current, minimum, maximum) or imported from a logger's file
 * whole or not at all; each new reading is followed through the unit's excursions in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class Readings {

    static final String HISTORY_TYPE = "storage.unit";
    /** How far back a reading may be typed late (a paper sheet written up the next morning). */
    static final Duration LATEST_LATE_ENTRY = Duration.ofDays(2);

    private final ColdStore store;
    private final Excursions excursions;
    private final History history;
    private final Clock clock;

    Readings(ColdStore store, Excursions excursions, History history, Clock clock) {
        this.store = store;
        this.excursions = excursions;
        this.history = history;
        this.clock = clock;
    }

    public StorageUnitView unit(UUID storageUnitId) {
        return store.unit(storageUnitId);
    }

    public List<StorageUnitView> units() {
        return store.units();
    }

    /** Records a typed reading; refuses a unit that is retired or not cold, a time ahead or too far back, min > max. */
    @Transactional
    public ReadingView record(UUID storageUnitId, ReadingForm form) {
        StorageUnitView unit = coldUnit(storageUnitId);
        Instant now = Instant.now(clock);
        Instant at = form.readAt() == null ? now : Moments.of(form.readAt(), clock);
        if (at.isAfter(now.plus(Duration.ofMinutes(1)))) {
            throw new RuleViolation("storage.cold.inFuture").on("readAt");
        }
        if (at.isBefore(now.minus(LATEST_LATE_ENTRY))) {
            throw new RuleViolation("storage.cold.reading.tooLate", LATEST_LATE_ENTRY.toDays()).on("readAt");
        }
        BigDecimal current = form.currentC();
        if (form.minC() != null && form.minC().compareTo(current) > 0) {
            throw new RuleViolation("storage.cold.reading.minAboveCurrent", form.minC(), current).on("minC");
        }
        if (form.maxC() != null && form.maxC().compareTo(current) < 0) {
            throw new RuleViolation("storage.cold.reading.maxBelowCurrent", form.maxC(), current).on("maxC");
        }
        store.lock(unit.id());
        Instant previous = store.lastReadingBefore(unit.id(), at).orElse(null);
        UUID id = UUID.randomUUID();
        store.insertReading(id, unit.id(), "MANUAL", at, current, form.minC(), form.maxC(), null, now);
        excursions.follow(
                unit, List.of(new ExcursionTracker.Point(at, current, form.maxC(), previous)), OpenedHow.READINGS);
        return store.latestReadings(unit.id(), 50).stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** What an import did: how many readings, from when to when, and what was noticed but not refused. */
    public record Imported(UUID importId, int readings, Instant first, Instant last, List<Said> warnings) {}

    /**
     * Imports a logger's file by its layout, all or nothing: a file of the wrong structure is refused whole, bad rows
     * are listed and refuse it too, and the same file is never imported twice.
     */
    /** The logger form for the storage unit: read the way its latest file was, else a logger's usual layout. */
    public LoggerForm loggerForm(UUID storageUnitId) {
        return store.lastLayout(storageUnitId).orElseGet(LoggerForm::blank);
    }

    @Transactional
    public Imported importLog(UUID storageUnitId, LoggerForm form, String fileName, byte[] content) {
        StorageUnitView unit = coldUnit(storageUnitId);
        if (!LoggerLayout.ISO.equals(form.timeFormat().strip())
                && !LoggerLayout.EPOCH_SECONDS.equals(form.timeFormat().strip())) {
            try {
                DateTimeFormatter.ofPattern(form.timeFormat().strip(), Locale.ROOT);
            } catch (IllegalArgumentException notAPattern) {
                throw new RuleViolation("storage.cold.import.badTimeFormat", form.timeFormat()).on("timeFormat");
            }
        }
        if (form.delimiter().equals("\"")) {
            throw new RuleViolation("storage.cold.import.badDelimiter").on("delimiter");
        }
        LogParser.Parsed parsed = LogParser.parse(content, form.layout(clock.getZone()));
        String sha = sha256(content);
        store.lock(unit.id());
        store.importOfFile(sha).ifPresent(other -> {
            throw new RuleViolation(
                            "storage.cold.import.alreadyImported",
                            store.unit(other).code())
                    .on("file");
        });
        Instant now = Instant.now(clock);
        List<Reading> readings = parsed.readings();
        Instant first = readings.get(0).at();
        Instant last = readings.get(readings.size() - 1).at();
        if (last.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new RuleViolation("storage.cold.import.inFuture").on("file");
        }
        UUID importId = UUID.randomUUID();
        store.insertImport(
                importId,
                unit.id(),
                fileName == null ? null : fileName.strip(),
                sha,
                parsed.rows(),
                readings.size(),
                first,
                last,
                Said.toJson(parsed.warnings()),
                form,
                now);
        Instant previous = store.lastReadingBefore(unit.id(), first).orElse(null);
        List<ExcursionTracker.Point> points = new ArrayList<>();
        for (Reading r : readings) {
            store.insertReading(UUID.randomUUID(), unit.id(), "LOGGER", r.at(), r.celsius(), null, null, importId, now);
            points.add(new ExcursionTracker.Point(r.at(), r.celsius(), null, previous));
            previous = r.at();
        }
        excursions.follow(unit, points, OpenedHow.LOGGER);
        history.record(
                HISTORY_TYPE,
                unit.id(),
                Said.of("storage.history.loggerImported", readings.size(), fileName == null ? "" : fileName));
        return new Imported(importId, readings.size(), first, last, parsed.warnings());
    }

    /** The unit's readings over the last {@code days} days, oldest first (the chart and the history). */
    public List<ReadingView> recent(UUID storageUnitId, int days) {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Instant from = today.minusDays(Math.max(0, days - 1))
                .atStartOfDay(clock.getZone())
                .toInstant();
        return store.readings(storageUnitId, from, now.plus(Duration.ofDays(1)));
    }

    private StorageUnitView coldUnit(UUID storageUnitId) {
        StorageUnitView unit = store.unit(storageUnitId);
        if (unit.retired()) {
            throw new RuleViolation("storage.cold.unit.retired", unit.code());
        }
        return unit;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
