package org.openmilkbank.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.AcceptanceDecision;
import org.openmilkbank.donor.EligibilityReason;
import org.openmilkbank.donor.MilkAcceptance;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

class ReceptionRulesTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 10, 9, 0);
    static final LocalDate TODAY = NOW.toLocalDate();

    static final EligibilityReason PENDING = EligibilityReason.of(EligibilityReason.SCREENING_PENDING);

    static ReceptionOutcome decide(ContainerIntake intake, boolean coldChainBroken, MilkAcceptance donor) {
        return decide(intake, coldChainBroken, ReceptionRules.Windows.NONE, donor);
    }

    static ReceptionOutcome decide(
            ContainerIntake intake, boolean coldChainBroken, ReceptionRules.Windows windows, MilkAcceptance donor) {
        return ReceptionRules.decide(
                intake,
                TODAY,
                90,
                coldChainBroken,
                () -> windows,
                () -> new AcceptanceDecision(
                        donor, intake.expressedOn(), donor == MilkAcceptance.ACCEPT ? List.of() : List.of(PENDING)));
    }

    static ContainerIntake intake(ContainerCondition condition, LocalDate expressedOn) {
        return new ContainerIntake(100, null, expressedOn, null, condition, null);
    }

    static String refusal(ContainerIntake intake) {
        try {
            ReceptionRules.checkInput(1, intake, NOW);
            return null;
        } catch (RuleViolation e) {
            return e.code();
        }
    }

    @Test
    void aBrokenColdChainRejectsEvenAnIntactContainerOfAnEligibleDonor() {
        assertThat(decide(intake(ContainerCondition.INTACT, TODAY), true, MilkAcceptance.ACCEPT)
                        .rejectReason())
                .isEqualTo(RejectReason.COLD_CHAIN_BROKEN);
    }

    @Test
    void eachBadConditionIsRejectedWithItsOwnReason() {
        assertThat(decide(intake(ContainerCondition.THAWED, TODAY), false, MilkAcceptance.ACCEPT)
                        .rejectReason())
                .isEqualTo(RejectReason.THAWED);
        assertThat(decide(intake(ContainerCondition.BROKEN_SEAL, TODAY), false, MilkAcceptance.ACCEPT)
                        .rejectReason())
                .isEqualTo(RejectReason.BROKEN_SEAL);
        assertThat(decide(intake(ContainerCondition.UNLABELLED, TODAY), false, MilkAcceptance.ACCEPT)
                        .rejectReason())
                .isEqualTo(RejectReason.UNLABELLED);
    }

    @Test
    void milkPastTheRawLimitIsRejectedTooOldWithoutAskingAboutTheDonor() {
        AtomicBoolean asked = new AtomicBoolean();
        ReceptionOutcome outcome = ReceptionRules.decide(
                intake(ContainerCondition.INTACT, TODAY.minusDays(91)),
                TODAY,
                90,
                false,
                () -> {
                    asked.set(true);
                    return ReceptionRules.Windows.NONE;
                },
                () -> {
                    asked.set(true);
                    return new AcceptanceDecision(MilkAcceptance.ACCEPT, TODAY, List.of());
                });
        assertThat(outcome.rejectReason()).isEqualTo(RejectReason.TOO_OLD);
        assertThat(asked).isFalse();
        assertThat(decide(intake(ContainerCondition.INTACT, TODAY.minusDays(90)), false, MilkAcceptance.ACCEPT)
                        .state())
                .isEqualTo(ContainerState.RAW_FROZEN);
    }

    @Test
    void theDonorsDecisionRejectsHoldsOrAccepts() {
        ContainerIntake good = intake(ContainerCondition.INTACT, TODAY);
        assertThat(decide(good, false, MilkAcceptance.REJECT).rejectReason())
                .isEqualTo(RejectReason.DONOR_NOT_ELIGIBLE);
        ReceptionOutcome held = decide(good, false, MilkAcceptance.HOLD);
        assertThat(held.state()).isEqualTo(ContainerState.HELD);
        // the reason is kept as the donor's code, to be rendered in the reader's language
        assertThat(held.holdReasons()).containsExactly(Said.of(EligibilityReason.SCREENING_PENDING));
        assertThat(held.rejectReason()).isNull();
        assertThat(decide(good, false, MilkAcceptance.ACCEPT)).isEqualTo(ReceptionOutcome.accepted());
    }

    @Test
    void aWindowThatBlocksHerMilkOfThatDayRejectsItEvenWhenHerStatusThenWasEligible() {
        ContainerIntake good = intake(ContainerCondition.INTACT, TODAY);
        ReceptionOutcome outcome =
                decide(good, false, new ReceptionRules.Windows(true, List.of()), MilkAcceptance.ACCEPT);
        assertThat(outcome.state()).isEqualTo(ContainerState.REJECTED);
        assertThat(outcome.rejectReason()).isEqualTo(RejectReason.DONOR_BLOCKED);
        // a block wins over a hold and over her not being eligible
        assertThat(decide(good, false, new ReceptionRules.Windows(true, List.of()), MilkAcceptance.REJECT)
                        .rejectReason())
                .isEqualTo(RejectReason.DONOR_BLOCKED);
        // the container's own condition still comes first
        assertThat(decide(
                                intake(ContainerCondition.THAWED, TODAY),
                                false,
                                new ReceptionRules.Windows(true, List.of()),
                                MilkAcceptance.ACCEPT)
                        .rejectReason())
                .isEqualTo(RejectReason.THAWED);
    }

    @Test
    void aDeferralWindowHoldsMilkOfAnOtherwiseEligibleDonorWithItsReasonCode() {
        Said window = Said.of(CollectionManagement.HELD_BY_WINDOW);
        ReceptionOutcome outcome = decide(
                intake(ContainerCondition.INTACT, TODAY),
                false,
                new ReceptionRules.Windows(false, List.of(window)),
                MilkAcceptance.ACCEPT);
        assertThat(outcome.state()).isEqualTo(ContainerState.HELD);
        assertThat(outcome.holdReasons()).containsExactly(window);
    }

    @Test
    void weightIsConvertedWithMilksDensityAndRounded() {
        assertThat(ContainerIntake.ofWeight(103, TODAY, null).resolvedVolumeMl())
                .isEqualTo(100);
        assertThat(ContainerIntake.ofWeight(125, TODAY, null).resolvedVolumeMl())
                .isEqualTo(121);
        assertThat(ContainerIntake.ofWeight(1, TODAY, null).resolvedVolumeMl()).isEqualTo(1);
    }

    @Property
    void everyPlausibleWeightBecomesAVolumeWithinHalfAMillilitre(@ForAll @IntRange(min = 1, max = 1030) int grams) {
        ContainerIntake intake = ContainerIntake.ofWeight(grams, TODAY, null);
        assertThat(refusal(intake)).isNull();
        assertThat(Math.abs(intake.resolvedVolumeMl() * 1.03 - grams)).isLessThanOrEqualTo(0.52);
    }

    @Test
    void impossibleLinesAreInputErrorsNotRejects() {
        assertThat(refusal(ContainerIntake.ofWeight(-120, TODAY, null))).isEqualTo("collection.container.weight");
        assertThat(refusal(ContainerIntake.ofWeight(0, TODAY, null))).isEqualTo("collection.container.weight");
        assertThat(refusal(ContainerIntake.ofWeight(5000, TODAY, null))).isEqualTo("collection.container.weight");
        assertThat(refusal(new ContainerIntake(-5, TODAY))).isEqualTo("collection.container.volume");
        assertThat(refusal(new ContainerIntake(100, 103, TODAY, null, null, null)))
                .isEqualTo("collection.container.volumeOrWeight");
        assertThat(refusal(new ContainerIntake(null, null, TODAY, null, null, null)))
                .isEqualTo("collection.container.volumeRequired");
        assertThat(refusal(new ContainerIntake(100, TODAY.plusDays(1))))
                .isEqualTo("collection.container.expressedInFuture");
        assertThat(refusal(new ContainerIntake(100, null, TODAY, LocalTime.of(9, 30), null, null)))
                .isEqualTo("collection.container.expressedInFuture");
        assertThat(refusal(new ContainerIntake(100, null, TODAY, LocalTime.of(8, 30), null, null)))
                .isNull();
        assertThat(refusal(new ContainerIntake(100, null, TODAY, null, null, "D0001 #7")))
                .isEqualTo("collection.container.labelCodeMalformed");
        assertThat(refusal(new ContainerIntake(100, null, TODAY, null, null, "d0001-7")))
                .isNull();
        assertThatThrownBy(() -> ReceptionRules.checkInput(3, null, NOW))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("collection.container.missing"));
    }

    @Test
    void refusesAnExpressionDateBefore1900AsAMistypedYearRatherThanRejectingTheMilk() {
        assertThat(refusal(intake(ContainerCondition.INTACT, LocalDate.of(1899, 12, 31))))
                .isEqualTo("collection.container.expressedOnImplausible");
        assertThat(refusal(intake(ContainerCondition.INTACT, LocalDate.of(1900, 1, 1))))
                .isNull();
    }
}
