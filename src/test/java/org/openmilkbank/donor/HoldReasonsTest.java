package org.openmilkbank.donor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each reason her milk is held says what is actually missing, not merely that something is. */
class HoldReasonsTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final Eligibility NEGATIVE_PANEL = new Eligibility(true, DAY, List.of());

    static Eligibility on(List<StatusPolicy.ScreeningFact> screenings) {
        var facts = new StatusPolicy.Facts(null, null, null, screenings, List.of(), List.of(), true);
        return new StatusPolicy().evaluate(facts, NEGATIVE_PANEL, DAY);
    }

    @Test
    void noInterviewAtAllIsNotRecorded() {
        Eligibility e = on(List.of());
        assertThat(e.acceptance()).isEqualTo(MilkAcceptance.HOLD);
        assertThat(e.reasons()).containsExactly(EligibilityReason.of(EligibilityReason.NOT_SCREENED));
    }

    @Test
    void anInterviewRecordedAfterTheMilkWasExpressedIsNamedWithItsDate() {
        // milk of the 2nd; the interview was recorded on the morning of the 3rd and awaits approval
        Eligibility e = on(List.of(new StatusPolicy.ScreeningFact(DAY.plusDays(1), false)));
        assertThat(e.acceptance()).isEqualTo(MilkAcceptance.HOLD);
        assertThat(e.reasons())
                .containsExactly(EligibilityReason.of(EligibilityReason.SCREENED_AFTER, DAY.plusDays(1), DAY));
    }

    @Test
    void anInterviewNobodyApprovedYetAwaitsApproval() {
        Eligibility e = on(List.of(new StatusPolicy.ScreeningFact(DAY, false)));
        assertThat(e.status()).isEqualTo(DonorStatus.IN_SCREENING);
        assertThat(e.reasons()).containsExactly(EligibilityReason.of(EligibilityReason.SCREENING_PENDING, DAY));
    }

    @Test
    void anInterviewApprovedOnceAwaitsTheSecondSignature() {
        Eligibility e = on(List.of(new StatusPolicy.ScreeningFact(DAY, false, "coordinator1")));
        assertThat(e.reasons())
                .containsExactly(
                        EligibilityReason.of(EligibilityReason.SCREENING_SECOND_SIGNATURE, DAY, "coordinator1"));
    }

    @Test
    void anApprovedInterviewAndANegativePanelHoldNothing() {
        Eligibility e = on(List.of(new StatusPolicy.ScreeningFact(DAY.minusDays(1), true, "coordinator1")));
        assertThat(e.acceptance()).isEqualTo(MilkAcceptance.ACCEPT);
        assertThat(e.reasons()).isEmpty();
    }
}
