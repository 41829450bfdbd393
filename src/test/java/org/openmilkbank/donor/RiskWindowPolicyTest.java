package org.openmilkbank.donor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;

class RiskWindowPolicyTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    static final StandardProfile PROFILE =
            StandardProfile.of("BANK", "Bank", Map.of(Parameter.DEFERRAL_RISK_LOOKBACK, "ILLNESS=14, DRUGS=ALL"));

    static SerologyView result(String test, LocalDate sampled, SerologyOutcome outcome, boolean voided) {
        return new SerologyView(
                UUID.randomUUID(), UUID.randomUUID(), test, sampled, outcome, null, Instant.EPOCH, "c", voided, null);
    }

    @Test
    void aLatePositiveBlocksEverythingFromHerLastNegativeSampleOfThatTestOn() {
        var window = RiskWindowPolicy.forPositive(
                "HBV",
                DAY,
                List.of(
                        result("HBV", DAY.minusDays(90), SerologyOutcome.NEGATIVE, false),
                        result("HBV", DAY.minusDays(30), SerologyOutcome.NEGATIVE, false),
                        result("HIV", DAY.minusDays(5), SerologyOutcome.NEGATIVE, false),
                        result("HBV", DAY.minusDays(10), SerologyOutcome.NEGATIVE, true)));

        assertThat(window.permanent()).isTrue();
        assertThat(window.from()).isEqualTo(DAY.minusDays(30));
        assertThat(window.to()).isNull();
        assertThat(window.reasonCode()).isEqualTo("donor.blocked");
    }

    @Test
    void aPositiveWithNoEarlierNegativeOfThatTestBlocksAllHerMilk() {
        var window = RiskWindowPolicy.forPositive(
                "HCV", DAY, List.of(result("HIV", DAY.minusDays(30), SerologyOutcome.NEGATIVE, false)));

        assertThat(window.from()).isNull();
        assertThat(window.to()).isNull();
    }

    @Test
    void aTemporaryDeferralWithoutACauseReachingBackHoldsOnlyMilkExpressedDuringIt() {
        var windows = RiskWindowPolicy.forDeferral(DeferralCategory.MEDICATION, false, DAY, DAY.plusDays(7), PROFILE);

        assertThat(windows).singleElement().satisfies(w -> {
            assertThat(w.permanent()).isFalse();
            assertThat(w.from()).isEqualTo(DAY);
            assertThat(w.to()).isEqualTo(DAY.plusDays(7));
            assertThat(w.reasonCode()).isEqualTo("donor.deferred");
        });
    }

    @Test
    void aDeferralWhoseCauseReachesBackBlocksTheDaysBeforeItAndHoldsTheDaysDuringIt() {
        var windows = RiskWindowPolicy.forDeferral(DeferralCategory.ILLNESS, false, DAY, DAY.plusDays(14), PROFILE);

        assertThat(windows).hasSize(2);
        assertThat(windows.get(0).permanent()).isTrue();
        assertThat(windows.get(0).from()).isEqualTo(DAY.minusDays(14));
        assertThat(windows.get(0).to()).isEqualTo(DAY.minusDays(1));
        assertThat(windows.get(1).permanent()).isFalse();
        assertThat(windows.get(1).from()).isEqualTo(DAY);
    }

    @Test
    void aCategoryReachingBackToAllHerMilkBlocksFromTheBeginning() {
        var windows = RiskWindowPolicy.forDeferral(DeferralCategory.DRUGS, true, DAY, null, PROFILE);

        assertThat(windows).singleElement().satisfies(w -> {
            assertThat(w.permanent()).isTrue();
            assertThat(w.from()).isNull();
            assertThat(w.to()).isNull();
        });
    }

    @Test
    void aPermanentDeferralBlocksEverythingFromItsStart() {
        var windows = RiskWindowPolicy.forDeferral(DeferralCategory.OTHER, true, DAY, null, PROFILE);

        assertThat(windows).singleElement().satisfies(w -> {
            assertThat(w.permanent()).isTrue();
            assertThat(w.from()).isEqualTo(DAY);
            assertThat(w.to()).isNull();
        });
    }
}
