package org.openmilkbank.donor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class EligibilityPolicyPropertyTest {

    static final int WINDOW = 180;
    static final EligibilityPolicy POLICY = new EligibilityPolicy(EligibilityPolicyTest.PANEL, WINDOW);
    static final LocalDate BASE = LocalDate.of(2025, 1, 1);

    @Property
    void aNegativePanelSampledWithinTheWindowBeforeTheFirstDonationStaysEligibleOnAnyLaterDate(
            @ForAll @IntRange(min = 0, max = WINDOW) int daysBeforeFirstDonation,
            @ForAll @IntRange(min = 0, max = 3000) int daysAfterFirstDonation) {
        LocalDate firstDonation = BASE.plusDays(WINDOW);
        LocalDate sampled = firstDonation.minusDays(daysBeforeFirstDonation);
        Eligibility e = POLICY.evaluate(
                EligibilityPolicyTest.negativePanel(sampled),
                firstDonation,
                firstDonation.plusDays(daysAfterFirstDonation));
        assertThat(e.eligible()).isTrue();
    }

    @Property
    void aPositiveResultOnOrBeforeTheDateMakesThatDateIneligible(
            @ForAll @IntRange(min = 0, max = 1000) int positiveDay,
            @ForAll @IntRange(min = 0, max = 1000) int daysAfterPositive,
            @ForAll @IntRange(min = 0, max = 4) int testIndex) {
        LocalDate positiveOn = BASE.plusDays(positiveDay);
        LocalDate date = positiveOn.plusDays(daysAfterPositive);
        String test = EligibilityPolicyTest.PANEL.get(testIndex);
        List<SerologyView> results = new java.util.ArrayList<>(EligibilityPolicyTest.negativePanel(date));
        results.add(EligibilityPolicyTest.result(test, positiveOn, SerologyOutcome.POSITIVE));
        Eligibility e = POLICY.evaluate(results, null, date);
        assertThat(e.eligible()).isFalse();
        assertThat(e.reasons()).contains(EligibilityReason.of(EligibilityReason.POSITIVE, test));
    }

    @Property
    void aVoidedResultNeverChangesTheOutcome(
            @ForAll @IntRange(min = 0, max = 1000) int sampledDay,
            @ForAll @IntRange(min = 0, max = 1000) int voidedDay,
            @ForAll @IntRange(min = 0, max = 1200) int dateDay,
            @ForAll SerologyOutcome voidedOutcome,
            @ForAll @IntRange(min = 0, max = 4) int testIndex) {
        List<SerologyView> results = EligibilityPolicyTest.negativePanel(BASE.plusDays(sampledDay));
        LocalDate date = BASE.plusDays(dateDay);
        Eligibility without = POLICY.evaluate(results, null, date);
        List<SerologyView> withVoided = new java.util.ArrayList<>(results);
        withVoided.add(EligibilityPolicyTest.voided(EligibilityPolicyTest.result(
                EligibilityPolicyTest.PANEL.get(testIndex), BASE.plusDays(voidedDay), voidedOutcome)));
        assertThat(POLICY.evaluate(withVoided, null, date)).isEqualTo(without);
    }

    @Property
    void eligibleExactlyWhenThereIsNoReason(
            @ForAll @IntRange(min = 0, max = 400) int sampledDay, @ForAll @IntRange(min = 0, max = 800) int dateDay) {
        Eligibility e = POLICY.evaluate(
                EligibilityPolicyTest.negativePanel(BASE.plusDays(sampledDay)), null, BASE.plusDays(dateDay));
        boolean expected = sampledDay <= dateDay && dateDay - sampledDay <= WINDOW;
        assertThat(e.eligible()).isEqualTo(expected);
        assertThat(e.reasons().isEmpty()).isEqualTo(expected);
    }
}
