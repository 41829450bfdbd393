package org.openmilkbank.donor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A donor's status on a date, from everything the bank knows of her: retirement, deferrals, a positive result,
 * her infant's age, her screening interview, her serology and the emergency addenda she has still to answer.
 * The most severe status wins; every reason is kept so that staff see all that stands in the way.
 */
final class StatusPolicy {

    /** A screening interview as far as eligibility is concerned. */
    record ScreeningFact(LocalDate interviewedOn, boolean approved, String firstApprovedBy) {

        ScreeningFact(LocalDate interviewedOn, boolean approved) {
            this(interviewedOn, approved, null);
        }
    }

    /** An emergency addendum switched on from {@code on} until {@code off} (exclusive, null: still on). */
    record AddendumFact(String title, LocalDate on, LocalDate off, boolean answered) {}

    record Facts(
            LocalDate retiredOn,
            LocalDate infantBirthDate,
            Integer infantMaxAgeMonths,
            List<ScreeningFact> screenings,
            List<DeferralView> deferrals,
            List<AddendumFact> addenda,
            boolean anySerology) {}

    Eligibility evaluate(Facts facts, Eligibility serology, LocalDate date) {
        List<EligibilityReason> retired = new ArrayList<>();
        List<EligibilityReason> permanent = new ArrayList<>();
        List<EligibilityReason> temporary = new ArrayList<>();
        List<EligibilityReason> pending = new ArrayList<>();

        if (facts.retiredOn() != null && !date.isBefore(facts.retiredOn())) {
            retired.add(EligibilityReason.of(EligibilityReason.RETIRED, facts.retiredOn()));
        }
        LocalDate until = null;
        boolean openEnded = false;
        for (DeferralView d : facts.deferrals()) {
            if (!d.covers(date)) {
                continue;
            }
            if (d.permanent()) {
                permanent.add(EligibilityReason.of(EligibilityReason.DEFERRED_PERMANENTLY, d.category(), d.reason()));
            } else if (d.until() == null) {
                openEnded = true;
                temporary.add(EligibilityReason.of(EligibilityReason.DEFERRED_UNTIL_LIFTED, d.category(), d.reason()));
            } else if (date.isAfter(d.until())) {
                openEnded = true;
                temporary.add(EligibilityReason.of(EligibilityReason.AWAITING_RETEST, d.category(), d.until()));
            } else {
                until = until == null || d.until().isAfter(until) ? d.until() : until;
                temporary.add(EligibilityReason.of(EligibilityReason.DEFERRED_UNTIL, d.category(), d.until()));
            }
        }
        if (facts.infantBirthDate() != null
                && facts.infantMaxAgeMonths() != null
                && date.isAfter(facts.infantBirthDate().plusMonths(facts.infantMaxAgeMonths()))) {
            permanent.add(EligibilityReason.of(
                    EligibilityReason.INFANT_TOO_OLD, facts.infantMaxAgeMonths(), facts.infantBirthDate()));
        }
        for (EligibilityReason r : serology.reasons()) {
            if (r.code().equals(EligibilityReason.POSITIVE)) {
                permanent.add(r);
            } else {
                pending.add(r);
            }
        }

        Optional<ScreeningFact> screening = facts.screenings().stream()
                .filter(s -> !s.interviewedOn().isAfter(date))
                .max(Comparator.comparing(ScreeningFact::interviewedOn).thenComparing(ScreeningFact::approved));
        if (screening.isEmpty()) {
            // an interview recorded after the day does not cover it: say so, not that there is none
            Optional<ScreeningFact> later = facts.screenings().stream()
                    .filter(s -> s.interviewedOn().isAfter(date))
                    .min(Comparator.comparing(ScreeningFact::interviewedOn));
            pending.add(
                    0,
                    later.map(s -> EligibilityReason.of(EligibilityReason.SCREENED_AFTER, s.interviewedOn(), date))
                            .orElseGet(() -> EligibilityReason.of(EligibilityReason.NOT_SCREENED)));
        } else if (!screening.get().approved()) {
            ScreeningFact s = screening.get();
            pending.add(
                    0,
                    s.firstApprovedBy() == null
                            ? EligibilityReason.of(EligibilityReason.SCREENING_PENDING, s.interviewedOn())
                            : EligibilityReason.of(
                                    EligibilityReason.SCREENING_SECOND_SIGNATURE,
                                    s.interviewedOn(),
                                    s.firstApprovedBy()));
        }
        for (AddendumFact a : facts.addenda()) {
            boolean onThatDay = !date.isBefore(a.on()) && (a.off() == null || date.isBefore(a.off()));
            if (onThatDay && !a.answered()) {
                pending.add(EligibilityReason.of(EligibilityReason.ADDENDUM_DUE, a.title()));
            }
        }

        List<EligibilityReason> all = new ArrayList<>();
        all.addAll(retired);
        all.addAll(permanent);
        all.addAll(temporary);
        all.addAll(pending);
        List<EligibilityReason> reasons = all.stream().distinct().toList();
        DonorStatus status;
        if (!retired.isEmpty()) {
            status = DonorStatus.RETIRED;
        } else if (!permanent.isEmpty()) {
            status = DonorStatus.PERMANENTLY_DEFERRED;
        } else if (!temporary.isEmpty()) {
            status = DonorStatus.TEMPORARILY_DEFERRED;
        } else if (!pending.isEmpty()) {
            status = screening.isEmpty() && !facts.anySerology() ? DonorStatus.APPLICANT : DonorStatus.IN_SCREENING;
        } else {
            status = DonorStatus.ELIGIBLE;
        }
        LocalDate deferredUntil =
                status == DonorStatus.TEMPORARILY_DEFERRED && !openEnded ? Objects.requireNonNull(until) : null;
        return new Eligibility(status == DonorStatus.ELIGIBLE, date, reasons, status, deferredUntil);
    }
}
