package org.openmilkbank.pasteurization.curve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openmilkbank.equipment.log.Reading;

class CurveJudgeTest {

    static CurveVerdict judge(List<Reading> readings, CurveRules rules) {
        return CurveJudge.judge(
                readings, ReadingSource.LOGGER, rules, Map.of(), List.of(), Optional.empty(), new Load(10, 1000));
    }

    @Test
    void passesAControlBottleHeldThirtyFiveMinutesAtSixtyThree() {
        CurveVerdict v = judge(Curves.holder("P1", 35, "63.0"), Curves.HOLDER);

        assertThat(v.passed()).isTrue();
        assertThat(v.rules()).extracting(RuleResult::rule).containsExactly(CurveRule.values());
        assertThat(v.rule(CurveRule.HOLD).said().args()).containsExactly(35L, new BigDecimal("62.5"), 30L);
        assertThat(v.rule(CurveRule.INSTRUMENTS).outcome()).isEqualTo(RuleOutcome.NOT_CHECKED);
        assertThat(v.rule(CurveRule.HEAT_PENETRATION).outcome()).isEqualTo(RuleOutcome.NOT_CHECKED);
        assertThat(v.holdFrom()).isEqualTo(Curves.START.plusSeconds(20 * 60));
        assertThat(v.secondLook()).isFalse();
    }

    @Test
    void failsAHoldOfTwentyNineMinutes() {
        CurveVerdict v = judge(Curves.holder("P1", 29, "63.0"), Curves.HOLDER);

        assertThat(v.passed()).isFalse();
        assertThat(v.rule(CurveRule.HOLD).outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(v.failures()).extracting(s -> s.key()).containsExactly("pasteurization.curve.rule.hold");
    }

    @Test
    void aHoldJustLongEnoughPassesButAsksForASecondLook() {
        CurveVerdict v = judge(Curves.holder("P1", 31, "63.0"), Curves.HOLDER);

        assertThat(v.passed()).isTrue();
        assertThat(v.secondLook()).isTrue();
    }

    @Test
    void theColdestProbeDecides() {
        List<Reading> readings = new ArrayList<>(Curves.holder("P1", 35, "63.0"));
        readings.addAll(Curves.holder("P2", 35, "62.4"));

        CurveVerdict v = judge(readings, Curves.HOLDER);

        assertThat(v.passed()).isFalse();
        assertThat(v.rule(CurveRule.HEATING).outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(v.rule(CurveRule.HOLD).outcome()).isEqualTo(RuleOutcome.FAILED);
    }

    @Test
    void anOffsetAppliedToAProbeReJudgesTheRun() {
        List<Reading> readings = Curves.holder("P1", 35, "62.8");

        assertThat(judge(readings, Curves.HOLDER).passed()).isTrue();
        CurveVerdict rejudged = CurveJudge.judge(
                readings,
                ReadingSource.LOGGER,
                Curves.HOLDER,
                Map.of("P1", new BigDecimal("-0.5")),
                List.of(),
                Optional.empty(),
                new Load(10, 1000));
        assertThat(rejudged.passed()).isFalse();
    }

    @Test
    void aDipFailsTheRunWhenTheProfileSaysFail() {
        List<Reading> readings = new ArrayList<>(Curves.holder("P1", 60, "63.0"));
        readings.set(30, Curves.at("P1", 30, new BigDecimal("62.0")));

        CurveVerdict v = judge(readings, Curves.HOLDER);

        assertThat(v.passed()).isFalse();
        assertThat(v.rule(CurveRule.DIP).outcome()).isEqualTo(RuleOutcome.FAILED);
    }

    @Test
    void aDipRestartsTheCountWhenTheProfileSaysRestart() {
        List<Reading> readings = new ArrayList<>(Curves.holder("P1", 60, "63.0"));
        readings.set(25, Curves.at("P1", 25, new BigDecimal("62.0")));
        CurveRules restart = withDipRestarts(Curves.HOLDER);

        CurveVerdict v = judge(readings, restart);

        assertThat(v.passed()).isTrue();
        assertThat(v.rule(CurveRule.DIP).said().key()).isEqualTo("pasteurization.curve.rule.dip.restarted");
        assertThat(v.holdFrom()).isEqualTo(Curves.START.plusSeconds(26 * 60));
    }

    @Test
    void failsAbovetheQualityCeiling() {
        CurveVerdict v = judge(Curves.holder("P1", 35, "64.5"), Curves.HOLDER);

        assertThat(v.rule(CurveRule.CEILING).outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(v.passed()).isFalse();
    }

    @Test
    void failsSlowCoolingAndALogThatEndsWarm() {
        List<Reading> readings = new ArrayList<>(Curves.holder("P1", 35, "63.0"));
        readings.remove(readings.size() - 1);
        readings.add(Curves.at("P1", 200, new BigDecimal("3.0")));

        assertThat(judge(readings, Curves.HOLDER).rule(CurveRule.COOLING).outcome())
                .isEqualTo(RuleOutcome.FAILED);
        assertThat(judge(readings, Curves.HOLDER).rule(CurveRule.GAP).outcome()).isEqualTo(RuleOutcome.FAILED);

        List<Reading> endsWarm = Curves.holder("P1", 35, "63.0").subList(0, 58);
        CurveVerdict v = judge(endsWarm, Curves.HOLDER);
        assertThat(v.rule(CurveRule.COOLING).said().key()).isEqualTo("pasteurization.curve.rule.cooling.notReached");
    }

    @Test
    void aSheetIsAllowedFiveMinuteGaps() {
        List<Reading> every5 = Curves.holder("P1", 35, "63.0").stream()
                .filter(r -> r.at().getEpochSecond() / 60 % 5 == 0)
                .toList();

        assertThat(judge(every5, Curves.HOLDER).rule(CurveRule.GAP).outcome()).isEqualTo(RuleOutcome.FAILED);
        CurveVerdict sheet = CurveJudge.judge(
                every5, ReadingSource.SHEET, Curves.HOLDER, Map.of(), List.of(), Optional.empty(), new Load(10, 1000));
        assertThat(sheet.rule(CurveRule.GAP).outcome()).isEqualTo(RuleOutcome.PASSED);
    }

    @Test
    void anInstrumentNotGoodFailsTheRun() {
        CurveVerdict v = CurveJudge.judge(
                Curves.holder("P1", 35, "63.0"),
                ReadingSource.LOGGER,
                Curves.HOLDER,
                Map.of(),
                List.of(new InstrumentCheck("T-01", "GOOD"), new InstrumentCheck("L-02", "OVERDUE")),
                Optional.empty(),
                new Load(10, 1000));

        assertThat(v.passed()).isFalse();
        assertThat(v.rule(CurveRule.INSTRUMENTS).outcome()).isEqualTo(RuleOutcome.FAILED);
    }

    @Test
    void aLoadAboveTheHeatPenetrationStudyFailsTheRun() {
        CurveVerdict v = CurveJudge.judge(
                Curves.holder("P1", 35, "63.0"),
                ReadingSource.LOGGER,
                Curves.HOLDER,
                Map.of(),
                List.of(),
                Optional.of(new HeatPenetrationCheck(true, 8, null, 3, 30)),
                new Load(10, 1000));

        assertThat(v.rule(CurveRule.HEAT_PENETRATION).outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(v.passed()).isFalse();
    }

    @Test
    void noReadingsFailsWithEveryRuleListed() {
        CurveVerdict v = judge(List.of(), Curves.HOLDER);

        assertThat(v.passed()).isFalse();
        assertThat(v.rules()).extracting(RuleResult::rule).containsExactly(CurveRule.values());
    }

    @Test
    void htstIsJudgedInSeconds() {
        CurveRules htst =
                new CurveRules("HTST", new BigDecimal("72.0"), 15, null, false, 70, new BigDecimal("4.0"), 60, 1, 5);
        List<Reading> r = new ArrayList<>();
        java.time.Instant t0 = Curves.START;
        for (int s = 0; s <= 60; s++) {
            BigDecimal c =
                    s < 20 ? BigDecimal.valueOf(40 + s) : s <= 40 ? new BigDecimal("72.5") : new BigDecimal("3.5");
            r.add(new Reading("P1", t0.plusSeconds(s), c));
        }

        CurveVerdict v = judge(r, htst);

        assertThat(v.rule(CurveRule.HOLD).outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(v.rule(CurveRule.HOLD).said().args().get(0)).isEqualTo(20L);
        assertThat(v.rule(CurveRule.CEILING).outcome()).isEqualTo(RuleOutcome.NOT_CHECKED);
        assertThat(v.passed()).isTrue();
    }

    static CurveRules withDipRestarts(CurveRules r) {
        return new CurveRules(
                r.method(),
                r.holdTemperatureC(),
                r.holdSeconds(),
                r.ceilingC(),
                true,
                r.maxHeatingMinutes(),
                r.coolingTargetC(),
                r.coolingMinutes(),
                r.maxGapLoggerMinutes(),
                r.maxGapSheetMinutes());
    }
}
