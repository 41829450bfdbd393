package org.openmilkbank.storage.cold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingScheduleTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate DAY = LocalDate.of(2026, 3, 4);
    static final ReadingSchedule TWICE = new ReadingSchedule(2, 8, 120);
    static final ReadingSchedule ONCE = new ReadingSchedule(1, 8, 120);

    static Instant at(int hour, int minute) {
        return ZonedDateTime.of(DAY.atTime(hour, minute), ZONE).toInstant();
    }

    @Test
    void twiceADayFromEightIsDueAtEightAndTwentyWithTheDaySplitAtTwoInTheAfternoon() {
        List<ReadingSchedule.Slot> slots = TWICE.slots(DAY, ZONE);
        assertThat(slots).extracting(ReadingSchedule.Slot::due).containsExactly(at(8, 0), at(20, 0));
        assertThat(slots.get(0).from()).isEqualTo(at(0, 0));
        assertThat(slots.get(0).to()).isEqualTo(at(14, 0));
        assertThat(slots.get(1).from()).isEqualTo(at(14, 0));
        assertThat(slots.get(1).to())
                .isEqualTo(
                        ZonedDateTime.of(DAY.plusDays(1).atStartOfDay(), ZONE).toInstant());
    }

    @Test
    void nothingIsMissedBeforeTheGraceAfterTheDueTimeHasPassed() {
        assertThat(TWICE.missed(at(9, 59), ZONE, List.of())).isEmpty();
        assertThat(TWICE.missed(at(10, 0), ZONE, List.of()))
                .extracting(ReadingSchedule.Slot::number)
                .containsExactly(1);
    }

    @Test
    void aMorningReadingDoesNotCountForTheEveningOne() {
        List<Instant> readings = List.of(at(8, 5), at(9, 0));
        assertThat(TWICE.missed(at(23, 0), ZONE, readings))
                .extracting(ReadingSchedule.Slot::number)
                .containsExactly(2);
    }

    @Test
    void anEarlyReadingCountsForItsSlot() {
        assertThat(TWICE.missed(at(23, 0), ZONE, List.of(at(7, 0), at(19, 30)))).isEmpty();
    }

    @Test
    void onceADayAnyReadingOfTheDayCounts() {
        assertThat(ONCE.missed(at(23, 59), ZONE, List.of(at(21, 0)))).isEmpty();
        assertThat(ONCE.missed(at(23, 59), ZONE, List.of())).hasSize(1);
    }

    @Test
    void yesterdaysReadingCountsForNothingToday() {
        Instant yesterday = at(20, 0).minusSeconds(24 * 3600);
        assertThat(ONCE.missed(at(11, 0), ZONE, List.of(yesterday))).hasSize(1);
    }

    @Test
    void theNextReadingAfterTheEveningOneIsTomorrowMorning() {
        assertThat(TWICE.nextDue(at(21, 0), ZONE)).isEqualTo(at(8, 0).plusSeconds(24 * 3600));
        assertThat(TWICE.nextDue(at(9, 0), ZONE)).isEqualTo(at(20, 0));
    }
}
