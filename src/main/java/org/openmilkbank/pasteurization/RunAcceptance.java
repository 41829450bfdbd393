package org.openmilkbank.pasteurization;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;

/** Holder pasteurisation is accepted only at or above the standard's temperature for at least its time. */
final class RunAcceptance {

    /** The outcome: each failure a code ({@code pasteurization.failure.holder.tooCold}) with the numbers it names. */
    record Verdict(boolean passed, List<Said> failures) {}

    static final String TOO_COLD = "pasteurization.failure.holder.tooCold";
    static final String TOO_SHORT = "pasteurization.failure.holder.tooShort";

    private RunAcceptance() {}

    static Verdict assess(BigDecimal holdTemperatureC, int holdMinutes, StandardProfile profile) {
        List<Said> failures = new ArrayList<>();
        BigDecimal minTemperature = profile.holderTemperatureC();
        if (holdTemperatureC.compareTo(minTemperature) < 0) {
            // as written, so 62.4 reads 62.4 in every language and never rounds to the limit
            failures.add(Said.of(TOO_COLD, holdTemperatureC.toPlainString(), minTemperature.toPlainString()));
        }
        if (holdMinutes < profile.holderMinutes()) {
            failures.add(Said.of(TOO_SHORT, holdMinutes, profile.holderMinutes()));
        }
        return failures.isEmpty() ? new Verdict(true, List.of()) : new Verdict(false, failures);
    }
}
