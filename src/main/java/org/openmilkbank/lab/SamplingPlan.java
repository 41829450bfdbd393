package org.openmilkbank.lab;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.openmilkbank.standards.StandardProfile;

/**
 * The profile's plan for cultures after pasteurisation: a run needs its own culture when it is the
 * {@code everyRuns}-th run since the last sampled run, or {@code everyDays} days or more after it, whichever comes
 * first; otherwise it rests on the last sampled run. {@code everyRuns} 1 (or both 0) means every run; 0 in one of
 * them sets no limit of that kind.
 */
public record SamplingPlan(int everyRuns, int everyDays) {

    public SamplingPlan {
        if (everyRuns < 0 || everyDays < 0) {
            throw new IllegalArgumentException("a sampling plan counts from 0");
        }
    }

    public static SamplingPlan of(StandardProfile profile) {
        return new SamplingPlan(profile.postCultureEveryRuns(), profile.postCultureEveryDays());
    }

    /** Every run is cultured. */
    public boolean everyRun() {
        return everyRuns == 1 || (everyRuns == 0 && everyDays == 0);
    }

    /** Which rule applies, as people read it. */
    public Rule rule() {
        if (everyRun()) {
            return Rule.EVERY_RUN;
        }
        if (everyDays == 0) {
            return Rule.EVERY_N_RUNS;
        }
        return everyRuns == 0 ? Rule.EVERY_N_DAYS : Rule.RUNS_OR_DAYS;
    }

    public enum Rule {
        EVERY_RUN,
        EVERY_N_RUNS,
        EVERY_N_DAYS,
        RUNS_OR_DAYS
    }

    /**
     * The last sampled run as the plan counts from it: the day it ran, how many runs have rested on it since, and
     * where its culture stands.
     */
    public record Last(LocalDate day, int runsSince, BasisCulture culture) {}

    /** What the plan decides for a run on {@code day}: sampled (with the reason) or resting on the last. */
    public record Decision(boolean sampled, SamplingReason reason, int runsSince, Integer daysSince) {

        static Decision sample(SamplingReason reason, int runsSince, Integer daysSince) {
            return new Decision(true, reason, runsSince, daysSince);
        }
    }

    /**
     * Decides for the next run on {@code day}. {@code runsSince} of the decision counts this run: the run right after
     * a sampled run is the 1st since it, so with {@code everyRuns} 10 the 10th needs a sample and the 9th does not.
     */
    public Decision decide(Optional<Last> last, LocalDate day) {
        if (last.isEmpty()) {
            return Decision.sample(everyRun() ? SamplingReason.EVERY_RUN : SamplingReason.FIRST_RUN, 0, null);
        }
        Last l = last.get();
        int runs = l.runsSince() + 1;
        int days = (int) Math.max(0, ChronoUnit.DAYS.between(l.day(), day));
        if (everyRun()) {
            return Decision.sample(SamplingReason.EVERY_RUN, runs, days);
        }
        if (l.culture() == BasisCulture.POSITIVE) {
            return Decision.sample(SamplingReason.LAST_SAMPLE_POSITIVE, runs, days);
        }
        if (everyRuns > 0 && runs >= everyRuns) {
            return Decision.sample(SamplingReason.RUN_COUNT, runs, days);
        }
        if (everyDays > 0 && days >= everyDays) {
            return Decision.sample(SamplingReason.DAYS, runs, days);
        }
        return new Decision(false, null, runs, days);
    }

    /** How many more runs may rest on the last sampled run before one needs a sample; empty with no run count. */
    public Optional<Integer> runsLeft(Last last) {
        if (everyRun()) {
            return Optional.of(0);
        }
        return everyRuns == 0 ? Optional.empty() : Optional.of(Math.max(0, everyRuns - 1 - last.runsSince()));
    }

    /** The first day on which a run needs a sample by the days rule; empty with no days rule. */
    public Optional<LocalDate> dueOn(Last last) {
        return everyRun() || everyDays == 0
                ? Optional.empty()
                : Optional.of(last.day().plusDays(everyDays));
    }
}
