package org.openmilkbank.storage.cold;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Follows a storage unit's readings through an excursion (pure). An excursion opens at the first reading warmer
 * than the alarm temperature and ends at the first reading back at or below it. It reaches the hold rule when the
 * readings stay warmer than the hold temperature for longer than the rule's minutes (from the first such reading to
 * the last), and the discard rule at any reading at or above the discard temperature. A typed maximum counts too,
 * but only as a moment somewhere since the previous reading: it opens an excursion from the previous reading, raises
 * the peak and reaches the discard rule; how long it lasted nobody knows, so it never reaches the hold rule alone.
 */
public final class ExcursionTracker {

    /** One reading: its time, the current temperature, the maximum typed with it (or null), the reading before. */
    public record Point(Instant at, BigDecimal current, BigDecimal max, Instant previousAt) {

        BigDecimal high() {
            return max != null && max.compareTo(current) > 0 ? max : current;
        }
    }

    /** Where an excursion stands. */
    public record Track(
            Instant startedAt,
            Instant endedAt,
            BigDecimal peak,
            long minutesAbove,
            ExcursionLevel level,
            Instant lastPointAt,
            boolean lastPointAbove,
            Instant aboveHoldSince,
            Instant heldAt,
            Instant discardFrom) {

        public boolean open() {
            return endedAt == null;
        }
    }

    private ExcursionTracker() {}

    /** The excursion this reading opens, if it is warmer than the alarm temperature. */
    public static Optional<Track> open(Point p, ColdRules rules) {
        if (p.high().compareTo(rules.alarmAboveC()) <= 0) {
            return Optional.empty();
        }
        boolean currentAbove = p.current().compareTo(rules.alarmAboveC()) > 0;
        Instant start = currentAbove || p.previousAt() == null ? p.at() : p.previousAt();
        Track opened = new Track(start, null, p.high(), 0, ExcursionLevel.ALARM, start, false, null, null, null);
        return Optional.of(apply(opened, p, rules));
    }

    /** The excursion after one more reading. */
    public static Track step(Track t, Point p, ColdRules rules) {
        if (!t.open()) {
            throw new IllegalStateException("an ended excursion takes no more readings");
        }
        return apply(t, p, rules);
    }

    private static Track apply(Track t, Point p, ColdRules rules) {
        BigDecimal peak = t.peak().max(p.high());
        long minutes = t.minutesAbove() + (t.lastPointAbove() ? minutes(t.lastPointAt(), p.at()) : 0);
        boolean currentAbove = p.current().compareTo(rules.alarmAboveC()) > 0;
        Instant aboveHoldSince = p.current().compareTo(rules.holdAboveC()) > 0
                ? (t.aboveHoldSince() == null ? p.at() : t.aboveHoldSince())
                : null;
        ExcursionLevel level = t.level();
        Instant heldAt = t.heldAt();
        Instant discardFrom = t.discardFrom();
        if (aboveHoldSince != null && minutes(aboveHoldSince, p.at()) > rules.holdAfterMinutes()) {
            level = worse(level, ExcursionLevel.HOLD);
            heldAt = heldAt == null ? p.at() : heldAt;
        }
        if (p.high().compareTo(rules.discardAtC()) >= 0) {
            level = ExcursionLevel.DISCARD;
            heldAt = heldAt == null ? p.at() : heldAt;
            if (discardFrom == null) {
                boolean current = p.current().compareTo(rules.discardAtC()) >= 0;
                discardFrom = current || p.previousAt() == null ? p.at() : p.previousAt();
                discardFrom = discardFrom.isBefore(t.startedAt()) ? t.startedAt() : discardFrom;
            }
        }
        Instant last = p.at().isAfter(t.lastPointAt()) ? p.at() : t.lastPointAt();
        return new Track(
                t.startedAt(),
                currentAbove ? null : last,
                peak,
                minutes,
                level,
                last,
                currentAbove,
                aboveHoldSince,
                heldAt,
                discardFrom);
    }

    private static ExcursionLevel worse(ExcursionLevel a, ExcursionLevel b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static long minutes(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMinutes());
    }
}
