package org.openmilkbank.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SamplingPlanPropertyTest {

    /**
     * Runs recorded one after another, {@code gaps} days apart, each decided by the plan against the count the lab
     * keeps: with N every-runs, no more than N-1 runs in a row go unsampled, and with D every-days no run rests on a
     * sampled run D days or more before it.
     */
    @Property
    void noMoreThanNMinusOneRunsInARowGoUnsampled(
            @ForAll @IntRange(min = 1, max = 30) int everyRuns,
            @ForAll @IntRange(min = 0, max = 60) int everyDays,
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 5) Integer> gaps) {
        SamplingPlan plan = new SamplingPlan(everyRuns, everyDays);
        LocalDate day = LocalDate.of(2026, 1, 1);
        Optional<SamplingPlan.Last> last = Optional.empty();
        int unsampledInARow = 0;
        for (int gap : gaps) {
            day = day.plusDays(gap);
            SamplingPlan.Decision decision = plan.decide(last, day);
            if (decision.sampled()) {
                last = Optional.of(new SamplingPlan.Last(day, 0, BasisCulture.NEGATIVE));
                unsampledInARow = 0;
            } else {
                SamplingPlan.Last l = last.orElseThrow();
                if (everyDays > 0) {
                    assertThat(java.time.temporal.ChronoUnit.DAYS.between(l.day(), day))
                            .isLessThan(everyDays);
                }
                last = Optional.of(new SamplingPlan.Last(l.day(), l.runsSince() + 1, l.culture()));
                unsampledInARow++;
            }
            assertThat(unsampledInARow).isLessThanOrEqualTo(everyRuns - 1);
        }
    }
}
