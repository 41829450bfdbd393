package org.openmilkbank.pasteurization.curve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import org.openmilkbank.equipment.log.Reading;

class CurveJudgePropertyTest {

    static CurveVerdict judge(List<Reading> readings, CurveRules rules) {
        return CurveJudge.judge(
                readings, ReadingSource.LOGGER, rules, Map.of(), List.of(), Optional.empty(), new Load(10, 1000));
    }

    @Property
    void aReadingOfAJustLongEnoughHoldMovedBelowTheTemperatureAlwaysFails(
            @ForAll @IntRange(min = 0, max = 30) int minuteOfHold,
            @ForAll @BigRange(min = "20.0", max = "62.49") BigDecimal dip,
            @ForAll boolean dipRestarts) {
        CurveRules rules = dipRestarts ? CurveJudgeTest.withDipRestarts(Curves.HOLDER) : Curves.HOLDER;
        List<Reading> readings = new ArrayList<>(Curves.holder("P1", 30, "63.0"));
        int i = Curves.holdStartMinute() + minuteOfHold;
        readings.set(i, Curves.at("P1", i, dip.setScale(2, java.math.RoundingMode.DOWN)));

        assertThat(judge(readings, rules).passed()).isFalse();
    }

    @Property
    void whenADipFailsTheRunAnyDipBeforeTheHoldIsCompleteFails(
            @ForAll @IntRange(min = 30, max = 90) int holdMinutes,
            @ForAll @IntRange(min = 1, max = 29) int minuteOfHold,
            @ForAll @BigRange(min = "20.0", max = "62.49") BigDecimal dip) {
        List<Reading> readings = new ArrayList<>(Curves.holder("P1", holdMinutes, "63.0"));
        int i = Curves.holdStartMinute() + minuteOfHold;
        readings.set(i, Curves.at("P1", i, dip));

        assertThat(judge(readings, Curves.HOLDER).passed()).isFalse();
    }

    @Property
    void addingReadingsAboveTheTemperatureNeverFailsAGoodRun(
            @ForAll @IntRange(min = 30, max = 60) int holdMinutes,
            @ForAll @IntRange(min = 0, max = 3600) int secondOfHold,
            @ForAll @BigRange(min = "62.5", max = "64.0") BigDecimal added) {
        List<Reading> readings = new ArrayList<>(Curves.holder("P1", holdMinutes, "63.0"));
        assertThat(judge(readings, Curves.HOLDER).passed()).isTrue();
        long second = Math.min(secondOfHold, holdMinutes * 60L);
        readings.add(new Reading("P1", Curves.START.plusSeconds(Curves.holdStartMinute() * 60L + second), added));

        assertThat(judge(readings, Curves.HOLDER).passed()).isTrue();
    }
}
