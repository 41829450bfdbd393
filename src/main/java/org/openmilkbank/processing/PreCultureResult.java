package org.openmilkbank.processing;

import org.openmilkbank.shared.RuleViolation;

/** Colony counts (CFU/mL) of a pool's culture before pasteurisation; organisms not counted are {@code null}. */
record PreCultureResult(long totalCfu, Long enterobacteriaceaeCfu, Long staphAureusCfu) {

    PreCultureResult {
        if (totalCfu < 0
                || (enterobacteriaceaeCfu != null && enterobacteriaceaeCfu < 0)
                || (staphAureusCfu != null && staphAureusCfu < 0)) {
            throw new RuleViolation("processing.preCulture.negative");
        }
    }
}
