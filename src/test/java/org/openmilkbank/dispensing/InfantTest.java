package org.openmilkbank.dispensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.RuleViolation;

class InfantTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

    static NewInfant details(int weeks, int grams) {
        return new NewInfant("H-1001", "Nguyen", "An", TODAY.minusDays(5), weeks, 2, grams, "NICU", null, null);
    }

    static NewInfant withConsent(LocalDate consentDate) {
        return new NewInfant("H-1001", "Nguyen", "An", TODAY.minusDays(5), 30, 2, 1200, "NICU", true, consentDate);
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
        } catch (RuleViolation e) {
            return e.code();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void registersWithoutConsentAndMayNotReceiveMilkYet() {
        Infant infant = Infant.register(details(30, 1200), TODAY, NOW, "nurse");
        assertThat(infant.view(NameOrder.FAMILY_FIRST).consentGiven()).isFalse();
        assertThat(infant.view(NameOrder.FAMILY_FIRST).registeredBy()).isEqualTo("nurse");
        assertThatThrownBy(infant::checkMayReceiveMilk)
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("dispensing.consent.missing");
    }

    @Test
    void consentRecordedLaterOpensTheGate() {
        Infant infant = Infant.register(details(30, 1200), TODAY, NOW, "nurse");
        infant.recordConsent(TODAY.minusDays(1), TODAY, "nurse-2");
        infant.checkMayReceiveMilk();
        assertThat(infant.view(NameOrder.FAMILY_FIRST).consentDate()).isEqualTo(TODAY.minusDays(1));
        assertThat(infant.view(NameOrder.FAMILY_FIRST).consentRecordedBy()).isEqualTo("nurse-2");
    }

    @Test
    void refusesConsentInTheFutureBeforeBirthOrTwice() {
        Infant infant = Infant.register(details(30, 1200), TODAY, NOW, "nurse");
        assertThat(refusal(() -> infant.recordConsent(TODAY.plusDays(1), TODAY, "n")))
                .isEqualTo("dispensing.consent.date.future");
        assertThat(refusal(() -> infant.recordConsent(TODAY.minusDays(6), TODAY, "n")))
                .isEqualTo("dispensing.consent.beforeBirth");
        assertThat(refusal(() -> infant.recordConsent(null, TODAY, "n"))).isEqualTo("dispensing.consent.date.required");
        assertThat(infant.view(NameOrder.FAMILY_FIRST).consentGiven()).isFalse();
        infant.recordConsent(TODAY, TODAY, "n");
        assertThat(refusal(() -> infant.recordConsent(TODAY, TODAY, "n")))
                .isEqualTo("dispensing.consent.alreadyRecorded");
    }

    @Test
    void consentGivenAtRegistrationNeedsAValidDate() {
        assertThat(refusal(() -> Infant.register(withConsent(null), TODAY, NOW, "n")))
                .isEqualTo("dispensing.consent.date.required");
        assertThat(refusal(() -> Infant.register(withConsent(TODAY.plusDays(2)), TODAY, NOW, "n")))
                .isEqualTo("dispensing.consent.date.future");
        assertThat(Infant.register(withConsent(TODAY), TODAY, NOW, "n")
                        .view(NameOrder.FAMILY_FIRST)
                        .consentGiven())
                .isTrue();
    }

    @Test
    void refusesImplausibleDetails() {
        assertThat(refusal(() -> Infant.register(
                        new NewInfant(" ", "N", null, TODAY, 30, 0, 1200, "NICU", null, null), TODAY, NOW, "n")))
                .isEqualTo("dispensing.infant.code.required");
        assertThat(refusal(() -> Infant.register(
                        new NewInfant("H 1", "N", null, TODAY, 30, 0, 1200, "NICU", null, null), TODAY, NOW, "n")))
                .isEqualTo("dispensing.infant.code.invalid");
        assertThat(refusal(() -> Infant.register(
                        new NewInfant("H1", "", null, TODAY, 30, 0, 1200, "NICU", null, null), TODAY, NOW, "n")))
                .isEqualTo("dispensing.infant.familyName.required");
        assertThat(refusal(() -> Infant.register(
                        new NewInfant("H1", "N", null, TODAY.plusDays(1), 30, 0, 1200, "NICU", null, null),
                        TODAY,
                        NOW,
                        "n")))
                .isEqualTo("dispensing.infant.birthDate.future");
        assertThat(refusal(() -> Infant.register(details(21, 1200), TODAY, NOW, "n")))
                .isEqualTo("dispensing.infant.gestationWeeks.range");
        assertThat(refusal(() -> Infant.register(details(45, 1200), TODAY, NOW, "n")))
                .isEqualTo("dispensing.infant.gestationWeeks.range");
        assertThat(refusal(() -> Infant.register(
                        new NewInfant("H1", "N", null, TODAY, 30, 7, 1200, "NICU", null, null), TODAY, NOW, "n")))
                .isEqualTo("dispensing.infant.gestationDays.range");
        assertThat(refusal(() -> Infant.register(details(30, 299), TODAY, NOW, "n")))
                .isEqualTo("dispensing.infant.birthWeight.range");
        assertThat(refusal(() -> Infant.register(details(30, 6001), TODAY, NOW, "n")))
                .isEqualTo("dispensing.infant.birthWeight.range");
        assertThat(refusal(() -> Infant.register(
                        new NewInfant("H1", "N", null, TODAY, 30, 0, 1200, " ", null, null), TODAY, NOW, "n")))
                .isEqualTo("dispensing.infant.ward.required");
    }

    @Property
    void priorityExactlyWhenVeryPretermOrVeryLowBirthWeight(
            @ForAll @IntRange(min = 22, max = 44) int weeks, @ForAll @IntRange(min = 300, max = 6000) int grams) {
        Infant infant = Infant.register(details(weeks, grams), TODAY, NOW, "n");
        assertThat(infant.view(NameOrder.FAMILY_FIRST).priority()).isEqualTo(weeks < 32 || grams < 1500);
    }

    @Test
    void correctionReportsWhatChangedAndKeepsConsent() {
        Infant infant = Infant.register(withConsent(TODAY), TODAY, NOW, "n");
        var changes = infant.correct(details(31, 1450), TODAY, "n2");
        assertThat(changes).containsExactly("gestation 30+2 → 31+2", "birth weight 1200 g → 1450 g");
        assertThat(infant.view(NameOrder.FAMILY_FIRST).consentGiven()).isTrue();
    }

    @Test
    void correctionRefusedLeavesTheDetailsUnchanged() {
        Infant infant = Infant.register(details(30, 1200), TODAY, NOW, "n");
        assertThat(refusal(() -> infant.correct(details(30, 100), TODAY, "n2")))
                .isEqualTo("dispensing.infant.birthWeight.range");
        assertThat(infant.view(NameOrder.FAMILY_FIRST).birthWeightGrams()).isEqualTo(1200);
    }
}
