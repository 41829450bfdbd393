package org.openmilkbank.pasteurization.curve;

import org.openmilkbank.shared.Said;

/** One rule of a verdict: passed, failed or not checked, and what it found with its numbers. */
public record RuleResult(CurveRule rule, RuleOutcome outcome, Said said) {

    public boolean failed() {
        return outcome == RuleOutcome.FAILED;
    }
}
