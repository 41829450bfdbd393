package org.openmilkbank.lab.analyser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The daily check: a day's results of an instrument count only when that day's check sample, measured in the same
 * file or an earlier one, was within its accepted range. When it was measured more than once that day, the latest
 * measurement decides.
 */
final class CheckGate {

    record Check(Instant at, boolean passed) {}

    private final Map<LocalDate, Check> latest = new HashMap<>();
    private final ZoneId zone;

    private CheckGate(Collection<Check> checks, ZoneId zone) {
        this.zone = zone;
        for (Check check : checks) {
            latest.merge(day(check.at()), check, (a, b) -> b.at().isAfter(a.at()) ? b : a);
        }
    }

    static CheckGate over(Collection<Check> checks, ZoneId zone) {
        return new CheckGate(checks, zone);
    }

    /** Empty when a result measured at that moment counts, else why not. */
    Optional<NotCounted> decide(Instant measuredAt) {
        Check check = latest.get(day(measuredAt));
        if (check == null) {
            return Optional.of(NotCounted.CHECK_MISSING);
        }
        return check.passed() ? Optional.empty() : Optional.of(NotCounted.CHECK_FAILED);
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
