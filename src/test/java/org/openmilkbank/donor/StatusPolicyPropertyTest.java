package org.openmilkbank.donor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StatusPolicyPropertyTest {

    static final LocalDate BASE = LocalDate.of(2026, 1, 1);
    static final StatusPolicy POLICY = new StatusPolicy();
    static final Eligibility CLEAN_SEROLOGY = new Eligibility(true, BASE, List.of());

    static StatusPolicy.Facts screened(List<DeferralView> deferrals) {
        return new StatusPolicy.Facts(
                null, null, 24, List.of(new StatusPolicy.ScreeningFact(BASE, true)), deferrals, List.of(), true);
    }

    static DeferralView deferral(boolean permanent, int startDay, Integer length, boolean retest, boolean lifted) {
        LocalDate start = BASE.plusDays(startDay);
        return new DeferralView(
                UUID.randomUUID(),
                UUID.randomUUID(),
                permanent ? DeferralCategory.OTHER : DeferralCategory.TRANSFUSION,
                permanent,
                start,
                permanent || length == null ? null : start.plusDays(length),
                !permanent && length != null && retest,
                "test",
                Instant.EPOCH,
                "coordinator",
                lifted ? Instant.EPOCH : null,
                lifted ? "coordinator" : null,
                lifted ? "negative re-test" : null,
                false);
    }

    @Property
    void milkExpressedDuringATemporaryWindowIsHeldAndNeverRejected(
            @ForAll @IntRange(min = 0, max = 400) int start,
            @ForAll @IntRange(min = 1, max = 400) int length,
            @ForAll @IntRange(min = 0, max = 400) int offset,
            @ForAll boolean retest) {
        Eligibility e = POLICY.evaluate(
                screened(List.of(deferral(false, start, length, retest, false))),
                CLEAN_SEROLOGY,
                BASE.plusDays(start + Math.min(offset, length)));
        assertThat(e.status()).isEqualTo(DonorStatus.TEMPORARILY_DEFERRED);
        assertThat(e.acceptance()).isEqualTo(MilkAcceptance.HOLD);
        assertThat(e.deferredUntil()).isEqualTo(BASE.plusDays(start + length));
    }

    @Property
    void afterItsEndATemporaryDeferralStillHoldsOnlyWhileItsReTestIsMissing(
            @ForAll @IntRange(min = 0, max = 400) int start,
            @ForAll @IntRange(min = 1, max = 400) int length,
            @ForAll @IntRange(min = 1, max = 800) int daysAfterEnd,
            @ForAll boolean retest) {
        Eligibility e = POLICY.evaluate(
                screened(List.of(deferral(false, start, length, retest, false))),
                CLEAN_SEROLOGY,
                BASE.plusDays(start + length + daysAfterEnd));
        assertThat(e.status()).isEqualTo(retest ? DonorStatus.TEMPORARILY_DEFERRED : DonorStatus.ELIGIBLE);
    }

    @Property
    void aLiftedDeferralClearsEveryDayItCovered(
            @ForAll @IntRange(min = 0, max = 400) int start,
            @ForAll @IntRange(min = 1, max = 400) int length,
            @ForAll @IntRange(min = 0, max = 1200) int day) {
        Eligibility e = POLICY.evaluate(
                screened(List.of(deferral(false, start, length, true, true))), CLEAN_SEROLOGY, BASE.plusDays(day));
        assertThat(e.status()).isEqualTo(DonorStatus.ELIGIBLE);
        assertThat(e.acceptance()).isEqualTo(MilkAcceptance.ACCEPT);
    }

    @Property
    void aPermanentDeferralRejectsFromItsStartOnAndNotBefore(
            @ForAll @IntRange(min = 1, max = 400) int start, @ForAll @IntRange(min = 0, max = 1200) int day) {
        Eligibility e = POLICY.evaluate(
                screened(List.of(deferral(true, start, null, false, false))), CLEAN_SEROLOGY, BASE.plusDays(day));
        if (day >= start) {
            assertThat(e.status()).isEqualTo(DonorStatus.PERMANENTLY_DEFERRED);
            assertThat(e.acceptance()).isEqualTo(MilkAcceptance.REJECT);
        } else {
            assertThat(e.status()).isEqualTo(DonorStatus.ELIGIBLE);
        }
    }

    @Provide
    Arbitrary<DeferralView> anyDeferral() {
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 300),
                        Arbitraries.integers().between(1, 300).injectNull(0.2),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as((permanent, start, length, retest, lifted) ->
                        deferral(permanent, start, length, retest, lifted && !permanent));
    }

    @Property
    void overAnySequenceOfDeferralsTheMostSevereOneThatCoversTheDayDecides(
            @ForAll @Size(max = 6) List<@net.jqwik.api.From("anyDeferral") DeferralView> deferrals,
            @ForAll @IntRange(min = 0, max = 900) int day) {
        LocalDate date = BASE.plusDays(day);
        Eligibility e = POLICY.evaluate(screened(deferrals), CLEAN_SEROLOGY, date);
        List<DeferralView> covering =
                new ArrayList<>(deferrals.stream().filter(d -> d.covers(date)).toList());
        DonorStatus expected = covering.stream().anyMatch(DeferralView::permanent)
                ? DonorStatus.PERMANENTLY_DEFERRED
                : covering.isEmpty() ? DonorStatus.ELIGIBLE : DonorStatus.TEMPORARILY_DEFERRED;
        assertThat(e.status()).isEqualTo(expected);
        assertThat(e.eligible()).isEqualTo(covering.isEmpty());
    }

    @Property
    void retirementOutranksEverythingFromItsDayOn(
            @ForAll @IntRange(min = 0, max = 400) int retiredDay, @ForAll @IntRange(min = 0, max = 800) int day) {
        var facts = new StatusPolicy.Facts(
                BASE.plusDays(retiredDay),
                null,
                null,
                List.of(new StatusPolicy.ScreeningFact(BASE, true)),
                List.of(deferral(true, 0, null, false, false)),
                List.of(),
                true);
        Eligibility e = POLICY.evaluate(facts, CLEAN_SEROLOGY, BASE.plusDays(day));
        assertThat(e.status()).isEqualTo(day >= retiredDay ? DonorStatus.RETIRED : DonorStatus.PERMANENTLY_DEFERRED);
    }

    @Test
    void aRegisteredDonorWithNothingRecordedIsAnApplicantAndHerMilkIsHeld() {
        var facts = new StatusPolicy.Facts(null, null, null, List.of(), List.of(), List.of(), false);
        Eligibility serology =
                new Eligibility(false, BASE, List.of(EligibilityReason.of(EligibilityReason.MISSING, "HIV")));
        Eligibility e = POLICY.evaluate(facts, serology, BASE);
        assertThat(e.status()).isEqualTo(DonorStatus.APPLICANT);
        assertThat(e.acceptance()).isEqualTo(MilkAcceptance.HOLD);
    }

    @Test
    void anUnapprovedScreeningOrAnUnansweredAddendumKeepsHerInScreening() {
        var pending = new StatusPolicy.Facts(
                null, null, null, List.of(new StatusPolicy.ScreeningFact(BASE, false)), List.of(), List.of(), true);
        assertThat(POLICY.evaluate(pending, CLEAN_SEROLOGY, BASE).status()).isEqualTo(DonorStatus.IN_SCREENING);

        var addendum = new StatusPolicy.Facts(
                null,
                null,
                null,
                List.of(new StatusPolicy.ScreeningFact(BASE, true)),
                List.of(),
                List.of(new StatusPolicy.AddendumFact("New pathogen", BASE.plusDays(10), null, false)),
                true);
        assertThat(POLICY.evaluate(addendum, CLEAN_SEROLOGY, BASE.plusDays(9)).status())
                .isEqualTo(DonorStatus.ELIGIBLE);
        assertThat(POLICY.evaluate(addendum, CLEAN_SEROLOGY, BASE.plusDays(10)).reasons())
                .containsExactly(EligibilityReason.of(EligibilityReason.ADDENDUM_DUE, "New pathogen"));
    }

    @Property
    void herInfantOlderThanTheLimitRejectsMilkExpressedAfterwards(@ForAll @IntRange(min = 0, max = 1500) int day) {
        var facts = new StatusPolicy.Facts(
                null, BASE, 24, List.of(new StatusPolicy.ScreeningFact(BASE, true)), List.of(), List.of(), true);
        Eligibility e = POLICY.evaluate(facts, CLEAN_SEROLOGY, BASE.plusDays(day));
        boolean tooOld = BASE.plusDays(day).isAfter(BASE.plusMonths(24));
        assertThat(e.status()).isEqualTo(tooOld ? DonorStatus.PERMANENTLY_DEFERRED : DonorStatus.ELIGIBLE);
    }
}
