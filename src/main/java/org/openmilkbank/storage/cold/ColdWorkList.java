package org.openmilkbank.storage.cold;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openmilkbank.standards.Standards;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cold work list: every storage unit with its readings today, what is missed, and its alarms and excursions. */
@Service
@Transactional(readOnly = true)
public class ColdWorkList {

    private final ColdStore store;
    private final Excursions excursions;
    private final Standards standards;
    private final Clock clock;

    ColdWorkList(ColdStore store, Excursions excursions, Standards standards, Clock clock) {
        this.store = store;
        this.excursions = excursions;
        this.standards = standards;
        this.clock = clock;
    }

    /** What the work list and the home page show, read in a few queries for every unit at once. */
    public record Board(List<ColdUnitRow> units, List<ExcursionView> excursions) {

        public long missedReadings() {
            return units.stream().mapToLong(u -> u.missed().size()).sum();
        }

        public List<ExcursionView> alarms() {
            return excursions.stream().filter(e -> !e.acknowledged()).toList();
        }

        public boolean quiet() {
            return missedReadings() == 0 && excursions.isEmpty();
        }
    }

    public Board board() {
        Instant now = Instant.now(clock);
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        ReadingSchedule schedule = ReadingSchedule.of(standards.activeProfile());
        Map<UUID, List<Instant>> times = store.readTimes(
                today.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant());
        Map<UUID, ReadingView> last = store.lastReadings();
        List<ExcursionView> attention = excursions.needingAttention();
        Map<UUID, List<ExcursionView>> byUnit =
                attention.stream().collect(Collectors.groupingBy(ExcursionView::storageUnitId));
        List<ColdUnitRow> rows = store.units().stream()
                .map(u -> {
                    List<ExcursionView> ofUnit = byUnit.getOrDefault(u.id(), List.of());
                    ExcursionView open = ofUnit.stream()
                            .filter(ExcursionView::open)
                            .findFirst()
                            .orElse(null);
                    ReadingView r = last.get(u.id());
                    return new ColdUnitRow(
                            u,
                            r == null ? null : r.readAt(),
                            r == null ? null : r.currentC(),
                            u.cold() ? schedule.slots(today, zone).size() : 0,
                            u.cold() ? schedule.missed(now, zone, times.getOrDefault(u.id(), List.of())) : List.of(),
                            u.cold() ? schedule.nextDue(now, zone) : null,
                            open == null ? null : open.id(),
                            open == null ? null : open.level(),
                            ofUnit.stream().filter(e -> !e.acknowledged()).count());
                })
                .toList();
        return new Board(rows, attention);
    }
}
