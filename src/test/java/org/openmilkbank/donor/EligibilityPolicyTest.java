package org.openmilkbank.donor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EligibilityPolicyTest {

    static final List<String> PANEL = List.of("HIV", "HTLV", "HBV", "HCV", "SYPHILIS");
    static final EligibilityPolicy POLICY = new EligibilityPolicy(PANEL, 180);
    static final LocalDate SAMPLED = LocalDate.of(2026, 1, 10);

    static SerologyView result(String test, LocalDate sampled, SerologyOutcome outcome) {
        return new SerologyView(
                UUID.randomUUID(),
                null,
                test,
                sampled,
                outcome,
                null,
                Instant.parse("2026-01-01T00:00:00Z"),
                "lab",
                false,
                null);
    }

    static SerologyView voided(SerologyView r) {
        return new SerologyView(
                r.id(),
                r.donorId(),
                r.test(),
                r.sampleDate(),
                r.outcome(),
                r.labReference(),
                r.recordedAt(),
                r.recordedBy(),
                true,
                "wrong donor");
    }

    static List<SerologyView> negativePanel(LocalDate sampled) {
        return new ArrayList<>(PANEL.stream()
                .map(t -> result(t, sampled, SerologyOutcome.NEGATIVE))
                .toList());
    }

    @Test
    void aNegativePanelMakesTheDonorEligibleFromTheSampleDay() {
        Eligibility e = POLICY.evaluate(negativePanel(SAMPLED), null, SAMPLED);
        assertThat(e.eligible()).isTrue();
        assertThat(e.reasons()).isEmpty();
        assertThat(e.asOf()).isEqualTo(SAMPLED);
    }

    @Test
    void resultsSampledAfterTheDateDoNotCountAndTheReasonSaysWhenTheyWereSampled() {
        Eligibility e = POLICY.evaluate(negativePanel(SAMPLED), null, SAMPLED.minusDays(1));
        assertThat(e.eligible()).isFalse();
        assertThat(e.reasons()).extracting(EligibilityReason::code).containsOnly(EligibilityReason.SAMPLED_AFTER);
        assertThat(e.reasons()).hasSize(5);
        assertThat(e.reasons().get(0))
                .isEqualTo(EligibilityReason.of(EligibilityReason.SAMPLED_AFTER, "HIV", SAMPLED, SAMPLED.minusDays(1)));
    }

    @Test
    void aTestNeverRecordedIsMissing() {
        Eligibility e = POLICY.evaluate(List.of(), null, SAMPLED);
        assertThat(e.reasons()).hasSize(5).first().isEqualTo(EligibilityReason.of(EligibilityReason.MISSING, "HIV"));
    }

    @Test
    void aLapsedNegativeSaysItIsDueForARetest() {
        EligibilityPolicy policy = new EligibilityPolicy(PANEL, 180, 90);
        Eligibility e = policy.evaluate(negativePanel(SAMPLED), SAMPLED, SAMPLED.plusDays(91));
        assertThat(e.reasons())
                .hasSize(5)
                .first()
                .isEqualTo(EligibilityReason.of(EligibilityReason.EXPIRED, "HIV", SAMPLED, 90));
    }

    @Test
    void listsEveryMissingTest() {
        List<SerologyView> results = negativePanel(SAMPLED);
        results.removeIf(r -> r.test().equals("HCV") || r.test().equals("SYPHILIS"));
        Eligibility e = POLICY.evaluate(results, null, SAMPLED);
        assertThat(e.reasons())
                .containsExactly(
                        EligibilityReason.of(EligibilityReason.MISSING, "HCV"),
                        EligibilityReason.of(EligibilityReason.MISSING, "SYPHILIS"));
    }

    @Test
    void aPositiveResultExcludesEvenAfterALaterNegative() {
        List<SerologyView> results = negativePanel(SAMPLED);
        results.add(result("HBV", SAMPLED.minusDays(30), SerologyOutcome.POSITIVE));
        Eligibility e = POLICY.evaluate(results, null, SAMPLED.plusDays(1));
        assertThat(e.eligible()).isFalse();
        assertThat(e.reasons()).containsExactly(EligibilityReason.of(EligibilityReason.POSITIVE, "HBV"));
    }

    @Test
    void aLatestIndeterminateResultIsNotEnough() {
        List<SerologyView> results = negativePanel(SAMPLED);
        results.add(result("HIV", SAMPLED.plusDays(10), SerologyOutcome.INDETERMINATE));
        assertThat(POLICY.evaluate(results, null, SAMPLED.plusDays(5)).eligible())
                .isTrue();
        Eligibility later = POLICY.evaluate(results, null, SAMPLED.plusDays(10));
        assertThat(later.reasons())
                .containsExactly(EligibilityReason.of(EligibilityReason.INDETERMINATE, "HIV", SAMPLED.plusDays(10)));
    }

    @Test
    void aVoidedResultNeverCounts() {
        List<SerologyView> results = negativePanel(SAMPLED);
        SerologyView positive = result("HIV", SAMPLED, SerologyOutcome.POSITIVE);
        results.add(voided(positive));
        assertThat(POLICY.evaluate(results, null, SAMPLED).eligible()).isTrue();

        List<SerologyView> voidedNegative = negativePanel(SAMPLED);
        voidedNegative.set(0, voided(voidedNegative.get(0)));
        assertThat(POLICY.evaluate(voidedNegative, null, SAMPLED).reasons())
                .containsExactly(EligibilityReason.of(EligibilityReason.VOIDED_ONLY, "HIV", SAMPLED));
    }

    @Test
    void withoutADonationTheSampleMustBeRecentOnTheDateItself() {
        assertThat(POLICY.evaluate(negativePanel(SAMPLED), null, SAMPLED.plusDays(180))
                        .eligible())
                .isTrue();
        Eligibility e = POLICY.evaluate(negativePanel(SAMPLED), null, SAMPLED.plusDays(181));
        assertThat(e.reasons()).hasSize(5);
        assertThat(e.reasons().get(0))
                .isEqualTo(EligibilityReason.of(EligibilityReason.TOO_OLD, "HIV", SAMPLED, 180, SAMPLED.plusDays(181)));
    }

    @Test
    void afterTheFirstDonationTheWindowIsCountedBackFromThatDonation() {
        LocalDate firstDonation = SAMPLED.plusDays(100);
        assertThat(POLICY.evaluate(negativePanel(SAMPLED), firstDonation, SAMPLED.plusDays(700))
                        .eligible())
                .isTrue();
        LocalDate lateFirstDonation = SAMPLED.plusDays(200);
        assertThat(POLICY.evaluate(negativePanel(SAMPLED), lateFirstDonation, SAMPLED.plusDays(200))
                        .reasons())
                .extracting(EligibilityReason::code)
                .containsOnly(EligibilityReason.TOO_OLD);
    }

    @Test
    void aFirstDonationAfterTheDateIsNotItsReference() {
        // milk from before her recorded first donation is judged against its own date
        LocalDate firstDonation = SAMPLED.plusDays(400);
        assertThat(POLICY.evaluate(negativePanel(SAMPLED), firstDonation, SAMPLED.plusDays(30))
                        .eligible())
                .isTrue();
        assertThat(POLICY.evaluate(negativePanel(SAMPLED), firstDonation, SAMPLED.plusDays(300))
                        .eligible())
                .isFalse();
    }

    @Test
    void aTestOutsideThePanelDoesNotReplaceAPanelTest() {
        List<SerologyView> results = negativePanel(SAMPLED);
        results.removeIf(r -> r.test().equals("HTLV"));
        results.add(result("CMV", SAMPLED, SerologyOutcome.NEGATIVE));
        assertThat(POLICY.evaluate(results, null, SAMPLED).reasons())
                .containsExactly(EligibilityReason.of(EligibilityReason.MISSING, "HTLV"));
    }
}
