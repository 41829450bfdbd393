package org.openmilkbank.donor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openmilkbank.standards.StandardProfile;

/**
 * Which of a donor's milk a late result or a deferral makes unsafe, by the profile's rules:
 * <ul>
 *   <li>a positive result covers every container expressed on or after the day of her last negative sample of
 *       that test (all her milk when there is none), for good;
 *   <li>a deferral whose category reaches back ({@code deferral.risk-lookback}) covers that many days before it
 *       (or all her milk) for good, and a permanent deferral everything from then on;
 *   <li>a temporary deferral holds the milk expressed during it until she is cleared.
 * </ul>
 */
final class RiskWindowPolicy {

    record Window(boolean permanent, LocalDate from, LocalDate to, String reasonCode) {}

    private RiskWindowPolicy() {}

    static Window forPositive(String test, LocalDate sampleDate, List<SerologyView> results) {
        Optional<LocalDate> lastNegative = results.stream()
                .filter(r -> !r.voided()
                        && r.test().equals(test)
                        && r.outcome() == SerologyOutcome.NEGATIVE
                        && !r.sampleDate().isAfter(sampleDate))
                .map(SerologyView::sampleDate)
                .max(Comparator.naturalOrder());
        return new Window(true, lastNegative.orElse(null), null, "donor.blocked");
    }

    static List<Window> forDeferral(
            DeferralCategory category,
            boolean permanent,
            LocalDate startsOn,
            LocalDate until,
            StandardProfile profile) {
        List<Window> windows = new ArrayList<>();
        Optional<String> lookback = profile.deferralRiskLookback(category.name());
        boolean reachesBack = lookback.isPresent();
        // null: all her milk, from the first container she gave
        LocalDate unsafeFrom = !reachesBack
                ? startsOn
                : "ALL".equalsIgnoreCase(lookback.get()) ? null : startsOn.minusDays(Long.parseLong(lookback.get()));
        if (permanent) {
            windows.add(new Window(true, unsafeFrom, null, "donor.blocked"));
            return windows;
        }
        if (reachesBack && (unsafeFrom == null || unsafeFrom.isBefore(startsOn))) {
            windows.add(new Window(true, unsafeFrom, startsOn.minusDays(1), "donor.blocked"));
        }
        windows.add(new Window(false, startsOn, until, "donor.deferred"));
        return windows;
    }
}
