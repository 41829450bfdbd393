package org.openmilkbank.donor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A donor is eligible on a date when, for every test of the panel, her latest valid result sampled on or
 * before that date is negative and was sampled within the allowed window before her first donation (or
 * before the date itself while she has not donated yet), and no valid positive result exists at all.
 */
final class EligibilityPolicy {

    private final List<String> panel;
    private final int validDaysBeforeFirstDonation;
    private final int retestIntervalDays;

    EligibilityPolicy(List<String> panel, int validDaysBeforeFirstDonation) {
        this(panel, validDaysBeforeFirstDonation, 0);
    }

    /** With a re-test interval above 0, a negative result older than that many days before the date lapses. */
    EligibilityPolicy(List<String> panel, int validDaysBeforeFirstDonation, int retestIntervalDays) {
        this.panel = List.copyOf(panel);
        this.validDaysBeforeFirstDonation = validDaysBeforeFirstDonation;
        this.retestIntervalDays = retestIntervalDays;
    }

    Eligibility evaluate(List<SerologyView> results, LocalDate firstDonationOn, LocalDate date) {
        List<SerologyView> valid = results.stream()
                .filter(r -> !r.voided() && !r.sampleDate().isAfter(date))
                .toList();
        LocalDate reference = firstDonationOn != null && !firstDonationOn.isAfter(date) ? firstDonationOn : date;
        LocalDate oldestAllowed = reference.minusDays(validDaysBeforeFirstDonation);
        Set<EligibilityReason> reasons = new LinkedHashSet<>();
        for (String test : panel) {
            Optional<SerologyView> latest = valid.stream()
                    .filter(r -> r.test().equals(test))
                    .max(Comparator.comparing(SerologyView::sampleDate)
                            .thenComparing(r -> r.outcome() != SerologyOutcome.NEGATIVE)
                            .thenComparing(SerologyView::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
            if (latest.isEmpty()) {
                reasons.add(missing(results, test, date));
                continue;
            }
            SerologyView result = latest.get();
            switch (result.outcome()) {
                case POSITIVE -> reasons.add(EligibilityReason.of(EligibilityReason.POSITIVE, test));
                case INDETERMINATE ->
                    reasons.add(EligibilityReason.of(EligibilityReason.INDETERMINATE, test, result.sampleDate()));
                case NEGATIVE -> {
                    if (result.sampleDate().isBefore(oldestAllowed)) {
                        reasons.add(EligibilityReason.of(
                                EligibilityReason.TOO_OLD,
                                test,
                                result.sampleDate(),
                                validDaysBeforeFirstDonation,
                                reference));
                    } else if (retestIntervalDays > 0
                            && result.sampleDate().isBefore(date.minusDays(retestIntervalDays))) {
                        reasons.add(EligibilityReason.of(
                                EligibilityReason.EXPIRED, test, result.sampleDate(), retestIntervalDays));
                    }
                }
            }
        }
        // a positive result is never outweighed by a later negative one
        valid.stream()
                .filter(r -> r.outcome() == SerologyOutcome.POSITIVE)
                .map(SerologyView::test)
                .distinct()
                .forEach(test -> reasons.add(EligibilityReason.of(EligibilityReason.POSITIVE, test)));
        return new Eligibility(reasons.isEmpty(), date, new ArrayList<>(reasons));
    }

    /** What is actually missing of a test with no valid result up to the day: sampled later, voided, or none. */
    private static EligibilityReason missing(List<SerologyView> results, String test, LocalDate date) {
        Optional<SerologyView> later = results.stream()
                .filter(r ->
                        !r.voided() && r.test().equals(test) && r.sampleDate().isAfter(date))
                .min(Comparator.comparing(SerologyView::sampleDate));
        if (later.isPresent()) {
            return EligibilityReason.of(
                    EligibilityReason.SAMPLED_AFTER, test, later.get().sampleDate(), date);
        }
        Optional<SerologyView> voided = results.stream()
                .filter(r ->
                        r.voided() && r.test().equals(test) && !r.sampleDate().isAfter(date))
                .max(Comparator.comparing(SerologyView::sampleDate));
        return voided.map(r -> EligibilityReason.of(EligibilityReason.VOIDED_ONLY, test, r.sampleDate()))
                .orElseGet(() -> EligibilityReason.of(EligibilityReason.MISSING, test));
    }
}
