package org.openmilkbank.storage.cold;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExcursionTrackerTest {

    static final ColdRules FREEZER =
            new ColdRules(new BigDecimal("-15"), new BigDecimal("-12"), 60, new BigDecimal("-5"));
    static final Instant T0 = Instant.parse("2026-03-04T08:00:00Z");

    static ExcursionTracker.Point at(int minutes, String c) {
        return new ExcursionTracker.Point(T0.plusSeconds(minutes * 60L), new BigDecimal(c), null, null);
    }

    static ExcursionTracker.Track follow(ExcursionTracker.Track t, ExcursionTracker.Point... points) {
        for (ExcursionTracker.Point p : points) {
            t = ExcursionTracker.step(t, p, FREEZER);
        }
        return t;
    }

    @Test
    void aReadingAtOrBelowTheAlarmOpensNothing() {
        assertThat(ExcursionTracker.open(at(0, "-15"), FREEZER)).isEmpty();
        assertThat(ExcursionTracker.open(at(0, "-20"), FREEZER)).isEmpty();
    }

    @Test
    void aReadingAboveTheAlarmOpensAnAlarmThatEndsAtTheFirstReadingBackBelow() {
        ExcursionTracker.Track t = ExcursionTracker.open(at(0, "-14"), FREEZER).orElseThrow();
        assertThat(t.level()).isEqualTo(ExcursionLevel.ALARM);
        assertThat(t.open()).isTrue();
        t = follow(t, at(10, "-13.5"), at(20, "-16"));
        assertThat(t.open()).isFalse();
        assertThat(t.endedAt()).isEqualTo(T0.plusSeconds(1200));
        assertThat(t.peak()).isEqualByComparingTo("-13.5");
        assertThat(t.minutesAbove()).isEqualTo(20);
        assertThat(t.heldAt()).isNull();
    }

    @Test
    void aboveTheHoldTemperatureForExactlyTheRuleMinutesDoesNotHold() {
        ExcursionTracker.Track t = ExcursionTracker.open(at(0, "-11"), FREEZER).orElseThrow();
        t = follow(t, at(60, "-11"));
        assertThat(t.level()).isEqualTo(ExcursionLevel.ALARM);
    }

    @Test
    void aboveTheHoldTemperatureForLongerThanTheRuleMinutesHolds() {
        ExcursionTracker.Track t = ExcursionTracker.open(at(0, "-11"), FREEZER).orElseThrow();
        t = follow(t, at(30, "-10"), at(61, "-11"));
        assertThat(t.level()).isEqualTo(ExcursionLevel.HOLD);
        assertThat(t.heldAt()).isEqualTo(T0.plusSeconds(61 * 60));
    }

    @Test
    void aDipBelowTheHoldTemperatureStartsItsCountAgain() {
        ExcursionTracker.Track t = ExcursionTracker.open(at(0, "-11"), FREEZER).orElseThrow();
        t = follow(t, at(40, "-13"), at(70, "-11"), at(120, "-11"));
        assertThat(t.level()).isEqualTo(ExcursionLevel.ALARM);
        t = follow(t, at(131, "-11"));
        assertThat(t.level()).isEqualTo(ExcursionLevel.HOLD);
    }

    @Test
    void anyReadingAtTheDiscardTemperatureMarksTheMilkForDiscardFromThatReading() {
        ExcursionTracker.Track t = ExcursionTracker.open(at(0, "-14"), FREEZER).orElseThrow();
        t = follow(t, at(5, "-5"));
        assertThat(t.level()).isEqualTo(ExcursionLevel.DISCARD);
        assertThat(t.discardFrom()).isEqualTo(T0.plusSeconds(300));
        assertThat(t.heldAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void aTypedMaximumOpensFromThePreviousReadingButNeverHoldsByItself() {
        Instant previous = T0.minusSeconds(12 * 3600);
        ExcursionTracker.Point p =
                new ExcursionTracker.Point(T0, new BigDecimal("-19"), new BigDecimal("-10"), previous);
        ExcursionTracker.Track t = ExcursionTracker.open(p, FREEZER).orElseThrow();
        assertThat(t.startedAt()).isEqualTo(previous);
        assertThat(t.endedAt()).isEqualTo(T0);
        assertThat(t.peak()).isEqualByComparingTo("-10");
        assertThat(t.level()).isEqualTo(ExcursionLevel.ALARM);
    }

    @Test
    void aTypedMaximumAtTheDiscardTemperatureMarksTheMilkSinceThePreviousReading() {
        Instant previous = T0.minusSeconds(12 * 3600);
        ExcursionTracker.Point p =
                new ExcursionTracker.Point(T0, new BigDecimal("-19"), new BigDecimal("-2"), previous);
        ExcursionTracker.Track t = ExcursionTracker.open(p, FREEZER).orElseThrow();
        assertThat(t.level()).isEqualTo(ExcursionLevel.DISCARD);
        assertThat(t.discardFrom()).isEqualTo(previous);
    }

    @Test
    void twoTypedReadingsTwelveHoursApartAboveTheHoldTemperatureHold() {
        ExcursionTracker.Track t = ExcursionTracker.open(at(0, "-10"), FREEZER).orElseThrow();
        t = follow(t, at(12 * 60, "-10"));
        assertThat(t.level()).isEqualTo(ExcursionLevel.HOLD);
        assertThat(t.open()).isTrue();
    }
}
