package org.openmilkbank.pasteurization;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;

/** An HTST run is accepted only at or above the profile's HTST temperature for at least its seconds. */
final class HtstAcceptance {

    static final String TOO_COLD = "pasteurization.failure.htst.tooCold";
    static final String TOO_SHORT = "pasteurization.failure.htst.tooShort";

    private HtstAcceptance() {}

    /**
     * Checks an HTST run as typed: the profile must allow HTST (else refused on {@code method}), its hold seconds are
     * required and within the run; then judges it by the profile's HTST temperature and seconds.
     */
    static RunAcceptance.Verdict assessRun(RunRecord r, StandardProfile profile, Duration run) {
        if (!profile.htstAllowed()) {
            throw new RuleViolation("pasteurization.runs.htstNotAllowed", profile.name()).on("method");
        }
        if (r.holdSeconds() == null || r.holdSeconds() < 0) {
            throw new RuleViolation("pasteurization.runs.holdSecondsRequired").on("holdSeconds");
        }
        if (r.holdSeconds() > run.toSeconds()) {
            throw new RuleViolation("pasteurization.runs.holdSecondsLongerThanRun", r.holdSeconds(), run.toSeconds())
                    .on("holdSeconds");
        }
        return assess(r.holdTemperatureC(), r.holdSeconds(), profile);
    }

    static RunAcceptance.Verdict assess(BigDecimal holdTemperatureC, int holdSeconds, StandardProfile profile) {
        List<Said> failures = new ArrayList<>();
        BigDecimal minTemperature = profile.htstTemperatureC();
        if (holdTemperatureC.compareTo(minTemperature) < 0) {
            failures.add(Said.of(TOO_COLD, holdTemperatureC.toPlainString(), minTemperature.toPlainString()));
        }
        if (holdSeconds < profile.htstMinSeconds()) {
            failures.add(Said.of(TOO_SHORT, holdSeconds, profile.htstMinSeconds()));
        }
        return failures.isEmpty()
                ? new RunAcceptance.Verdict(true, List.of())
                : new RunAcceptance.Verdict(false, failures);
    }
}
