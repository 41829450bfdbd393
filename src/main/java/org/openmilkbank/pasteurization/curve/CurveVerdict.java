package org.openmilkbank.pasteurization.curve;

import java.time.Instant;
import java.util.List;
import org.openmilkbank.shared.Said;

/**
 * The judgement of a run's curve: every rule (passed, failed or not checked) with its numbers, the hold window found
 * (for the chart; {@code null} when the coldest probe never held), and why a passed verdict deserves a second look.
 */
public record CurveVerdict(
        boolean passed,
        List<RuleResult> rules,
        Instant holdFrom,
        Instant holdUntil,
        java.math.BigDecimal holdColdestC,
        long heldSeconds,
        List<Said> secondLookReasons) {

    public boolean secondLook() {
        return !secondLookReasons.isEmpty();
    }

    /** What each failed rule found: the run's failure reason. */
    public List<Said> failures() {
        return rules.stream().filter(RuleResult::failed).map(RuleResult::said).toList();
    }

    public RuleResult rule(CurveRule rule) {
        return rules.stream().filter(r -> r.rule() == rule).findFirst().orElseThrow();
    }

    /** The same verdict with more reasons for a second look (a re-imported log, import warnings). */
    public CurveVerdict withSecondLook(List<Said> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Said> all = new java.util.ArrayList<>(secondLookReasons);
        all.addAll(more);
        return new CurveVerdict(passed, rules, holdFrom, holdUntil, holdColdestC, heldSeconds, List.copyOf(all));
    }
}
