package org.openmilkbank.pasteurization;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.standards.StandardProfile;

/** Holder pasteurisation is accepted only at or above the standard's temperature for at least its time. */
final class RunAcceptance {

    record Verdict(boolean passed, String failure) {}

    private RunAcceptance() {}

    static Verdict assess(BigDecimal holdTemperatureC, int holdMinutes, StandardProfile profile) {
        List<String> failures = new ArrayList<>();
        BigDecimal minTemperature = profile.holderTemperatureC();
        if (holdTemperatureC.compareTo(minTemperature) < 0) {
            failures.add("hold temperature " + holdTemperatureC.toPlainString() + " °C is below the required "
                    + minTemperature.toPlainString() + " °C");
        }
        if (holdMinutes < profile.holderMinutes()) {
            failures.add("held " + holdMinutes + " min, less than the required " + profile.holderMinutes() + " min");
        }
        return failures.isEmpty()
                ? new Verdict(true, null)
                : new Verdict(false, "pasteurisation failed: " + String.join("; ", failures));
    }
}
