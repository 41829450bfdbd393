package org.openmilkbank.storage.cold;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;

/**
 * When a storage unit's readings are due (pure). {@code n} readings a day are due evenly from the first hour: twice
 * a day from 08:00 is 08:00 and 20:00. Each due reading has its slot, a part of the day: the first slot starts at
 * midnight, each next one halfway between two due times, the last ends at midnight. A slot is missed when the grace
 * after its due time has passed and no reading of the unit falls inside it.
 */
public record ReadingSchedule(int readingsPerDay, int firstHour, int graceMinutes) {

    /** One due reading: its number (1, 2 …), when it is due and the part of the day a reading counts for it. */
    public record Slot(int number, Instant due, Instant from, Instant to) {

        boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    public ReadingSchedule {
        if (readingsPerDay < 1 || readingsPerDay > 24 || firstHour < 0 || firstHour > 23 || graceMinutes < 0) {
            throw new IllegalArgumentException("1-24 readings a day, a first hour of 0-23 and a grace not negative");
        }
    }

    public static ReadingSchedule of(StandardProfile profile) {
        return new ReadingSchedule(
                profile.integer(Parameter.STORAGE_READINGS_PER_DAY),
                profile.integer(Parameter.STORAGE_FIRST_READING_HOUR),
                profile.integer(Parameter.STORAGE_READING_GRACE_MINUTES));
    }

    /** The slots of a day in the bank's time zone. */
    public List<Slot> slots(LocalDate day, ZoneId zone) {
        ZonedDateTime start = day.atStartOfDay(zone);
        ZonedDateTime end = day.plusDays(1).atStartOfDay(zone);
        Duration every = Duration.ofMinutes(24 * 60 / readingsPerDay);
        List<ZonedDateTime> due = new ArrayList<>();
        for (int i = 0; i < readingsPerDay; i++) {
            ZonedDateTime d = start.plusHours(firstHour).plus(every.multipliedBy(i));
            if (d.isBefore(end)) {
                due.add(d);
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            ZonedDateTime from = i == 0 ? start : due.get(i).minus(every.dividedBy(2));
            ZonedDateTime to = i == due.size() - 1 ? end : due.get(i + 1).minus(every.dividedBy(2));
            slots.add(new Slot(i + 1, due.get(i).toInstant(), from.toInstant(), to.toInstant()));
        }
        return slots;
    }

    /** The slots of {@code now}'s day whose grace has passed without a reading inside them. */
    public List<Slot> missed(Instant now, ZoneId zone, Collection<Instant> readings) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return slots(today, zone).stream()
                .filter(s -> !now.isBefore(s.due().plus(Duration.ofMinutes(graceMinutes))))
                .filter(s -> readings.stream().noneMatch(s::covers))
                .toList();
    }

    /** The next reading due after {@code now} (today's or tomorrow's first). */
    public Instant nextDue(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return slots(today, zone).stream()
                .map(Slot::due)
                .filter(d -> d.isAfter(now))
                .findFirst()
                .orElseGet(() -> slots(today.plusDays(1), zone).get(0).due());
    }
}
