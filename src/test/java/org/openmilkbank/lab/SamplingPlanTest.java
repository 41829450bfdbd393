package org.openmilkbank.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;

class SamplingPlanTest {

    static final LocalDate SAMPLED_ON = LocalDate.of(2026, 11, 1);
    static final SamplingPlan NICE = new SamplingPlan(10, 30);

    /** The last sampled run, with {@code resting} runs resting on it since and its culture. */
    static Optional<SamplingPlan.Last> last(int resting, BasisCulture culture) {
        return Optional.of(new SamplingPlan.Last(SAMPLED_ON, resting, culture));
    }

    @Test
    void everyRunIsSampledWhenThePlanSaysEveryRun() {
        SamplingPlan every = new SamplingPlan(1, 0);
        assertThat(every.everyRun()).isTrue();
        assertThat(every.decide(Optional.empty(), SAMPLED_ON).reason()).isEqualTo(SamplingReason.EVERY_RUN);
        SamplingPlan.Decision next = every.decide(last(0, BasisCulture.NEGATIVE), SAMPLED_ON);
        assertThat(next.sampled()).isTrue();
        assertThat(next.reason()).isEqualTo(SamplingReason.EVERY_RUN);
        // no limit of either kind is no plan at all: every run is cultured
        assertThat(new SamplingPlan(0, 0)
                        .decide(last(0, BasisCulture.NEGATIVE), SAMPLED_ON)
                        .sampled())
                .isTrue();
    }

    @Test
    void theFirstRunIsSampledWhenNoRunWasSampledYet() {
        SamplingPlan.Decision first = NICE.decide(Optional.empty(), SAMPLED_ON);
        assertThat(first.sampled()).isTrue();
        assertThat(first.reason()).isEqualTo(SamplingReason.FIRST_RUN);
    }

    @Test
    void theTenthRunSinceTheLastSampleNeedsASampleTheNinthDoesNot() {
        // eight runs rest on the sampled run: the next is the 9th since it
        SamplingPlan.Decision ninth = NICE.decide(last(8, BasisCulture.NEGATIVE), SAMPLED_ON.plusDays(3));
        assertThat(ninth.sampled()).isFalse();
        assertThat(ninth.runsSince()).isEqualTo(9);
        SamplingPlan.Decision tenth = NICE.decide(last(9, BasisCulture.NEGATIVE), SAMPLED_ON.plusDays(3));
        assertThat(tenth.sampled()).isTrue();
        assertThat(tenth.reason()).isEqualTo(SamplingReason.RUN_COUNT);
        assertThat(tenth.runsSince()).isEqualTo(10);
    }

    @Test
    void dayThirtyNeedsASampleDayTwentyNineDoesNot() {
        SamplingPlan.Decision day29 = NICE.decide(last(1, BasisCulture.NEGATIVE), SAMPLED_ON.plusDays(29));
        assertThat(day29.sampled()).isFalse();
        assertThat(day29.daysSince()).isEqualTo(29);
        SamplingPlan.Decision day30 = NICE.decide(last(1, BasisCulture.NEGATIVE), SAMPLED_ON.plusDays(30));
        assertThat(day30.sampled()).isTrue();
        assertThat(day30.reason()).isEqualTo(SamplingReason.DAYS);
    }

    @Test
    void whicheverComesFirstRunsOrDays() {
        // the runs come first: the 10th run on day 2
        assertThat(NICE.decide(last(9, BasisCulture.NEGATIVE), SAMPLED_ON.plusDays(2))
                        .reason())
                .isEqualTo(SamplingReason.RUN_COUNT);
        // the days come first: the 2nd run on day 30
        assertThat(NICE.decide(last(1, BasisCulture.NEGATIVE), SAMPLED_ON.plusDays(30))
                        .reason())
                .isEqualTo(SamplingReason.DAYS);
        // neither: the 5th run on day 10 rests on the sampled run
        assertThat(NICE.decide(last(4, BasisCulture.PENDING), SAMPLED_ON.plusDays(10))
                        .sampled())
                .isFalse();
    }

    @Test
    void onlyDaysOrOnlyRunsCountWhenTheOtherIsZero() {
        SamplingPlan days = new SamplingPlan(0, 30);
        assertThat(days.rule()).isEqualTo(SamplingPlan.Rule.EVERY_N_DAYS);
        assertThat(days.decide(last(500, BasisCulture.NEGATIVE), SAMPLED_ON.plusDays(29))
                        .sampled())
                .isFalse();
        assertThat(days.decide(last(0, BasisCulture.NEGATIVE), SAMPLED_ON.plusDays(30))
                        .sampled())
                .isTrue();
        SamplingPlan runs = new SamplingPlan(10, 0);
        assertThat(runs.rule()).isEqualTo(SamplingPlan.Rule.EVERY_N_RUNS);
        assertThat(runs.decide(last(8, BasisCulture.NEGATIVE), SAMPLED_ON.plusDays(3000))
                        .sampled())
                .isFalse();
        assertThat(NICE.rule()).isEqualTo(SamplingPlan.Rule.RUNS_OR_DAYS);
    }

    @Test
    void noRunRestsOnAPositiveCulture() {
        SamplingPlan.Decision next = NICE.decide(last(0, BasisCulture.POSITIVE), SAMPLED_ON);
        assertThat(next.sampled()).isTrue();
        assertThat(next.reason()).isEqualTo(SamplingReason.LAST_SAMPLE_POSITIVE);
        // a pending culture may be rested on (the run waits, held, for its verdict)
        assertThat(NICE.decide(last(0, BasisCulture.PENDING), SAMPLED_ON).sampled())
                .isFalse();
    }

    @Test
    void saysWhenTheNextSampleIsDue() {
        SamplingPlan.Last three = new SamplingPlan.Last(SAMPLED_ON, 3, BasisCulture.NEGATIVE);
        assertThat(NICE.runsLeft(three)).contains(6);
        assertThat(NICE.dueOn(three)).contains(SAMPLED_ON.plusDays(30));
        assertThat(new SamplingPlan(10, 0).dueOn(three)).isEmpty();
        assertThat(new SamplingPlan(1, 0).runsLeft(three)).contains(0);
    }

    @Test
    void thePlanIsReadFromTheProfileWithEveryRunWhenItIsSilent() {
        StandardProfile nice = StandardProfile.of(
                "NICE",
                "NICE",
                Map.of(Parameter.POST_CULTURE_EVERY_RUNS, "10", Parameter.POST_CULTURE_EVERY_DAYS, "30"));
        assertThat(SamplingPlan.of(nice)).isEqualTo(NICE);
        assertThat(SamplingPlan.of(StandardProfile.of("X", "X", Map.of())).everyRun())
                .isTrue();
    }
}
