package org.openmilkbank.ward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.Verdict;

class BedsideRulesTest {

    static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    final InfantView baby = infant(true);
    final BedsideRules rules = BedsideRules.standard();

    static InfantView infant(boolean consent) {
        return new InfantView(
                UUID.randomUUID(),
                "H-1",
                "Nguyen",
                "An",
                LocalDate.parse("2026-02-20"),
                29,
                2,
                1100,
                "NICU",
                consent,
                consent ? LocalDate.parse("2026-02-21") : null,
                "nurse",
                NOW,
                "nurse",
                true,
                "An Nguyen",
                false,
                false,
                false);
    }

    static BedsideSituation.MilkAtBedside milkFor(UUID infantId) {
        return new BedsideSituation.MilkAtBedside(
                UUID.randomUUID(),
                UUID.randomUUID(),
                true,
                "A000126000001-A0",
                "A0001 26 000001 X A0",
                20,
                infantId,
                NOW.minusSeconds(3600),
                NOW.plusSeconds(3600),
                true,
                false,
                false);
    }

    BedsideSituation situation(InfantView infant, BedsideSituation.MilkAtBedside milk, Verdict.Reason... reasons) {
        return situation(infant, milk, Map.of(), reasons);
    }

    BedsideSituation situation(
            InfantView infant,
            BedsideSituation.MilkAtBedside milk,
            Map<UUID, HoldKind> kinds,
            Verdict.Reason... reasons) {
        return new BedsideSituation(
                infant,
                true,
                milk,
                new Verdict(milk.unitId(), milk.label(), GateUse.FEED, List.of(reasons)),
                kinds,
                NOW);
    }

    @Test
    void passesTheRightMilkForTheRightBaby() {
        assertThat(rules.check(situation(baby, milkFor(baby.id())))).isEmpty();
    }

    @Test
    void refusesMilkMeantForAnotherBaby() {
        assertThat(rules.check(situation(baby, milkFor(UUID.randomUUID())))).containsExactly(BedsideRefusal.WRONG_BABY);
    }

    @Test
    void refusesMilkGivenOutForNoInfant() {
        assertThat(rules.check(situation(baby, milkFor(null)))).containsExactly(BedsideRefusal.NOT_ISSUED);
    }

    @Test
    void refusesAnInfantWithNoOrderInForce() {
        BedsideSituation ordered = situation(baby, milkFor(baby.id()));
        BedsideSituation none =
                new BedsideSituation(baby, false, ordered.milk(), ordered.verdict(), ordered.holdKinds(), ordered.at());
        assertThat(rules.check(none)).containsExactly(BedsideRefusal.NO_ORDER);
    }

    @Test
    void refusesAnInfantWithoutConsent() {
        InfantView noConsent = infant(false);
        assertThat(rules.check(situation(noConsent, milkFor(noConsent.id()))))
                .containsExactly(BedsideRefusal.NO_CONSENT);
    }

    @Test
    void namesARecallAndAnotherHoldApartAndTheClocksApart() {
        UUID recall = UUID.randomUUID();
        UUID culture = UUID.randomUUID();
        var milk = milkFor(baby.id());
        assertThat(rules.check(situation(
                        baby,
                        milk,
                        Map.of(recall, HoldKind.RECALL, culture, HoldKind.CULTURE),
                        new Verdict.Reason("hold.reason.recall", List.of(), recall),
                        new Verdict.Reason("hold.reason.culture.pending", List.of(), culture),
                        new Verdict.Reason("gate.clock.expiredAt", List.of(), null))))
                .containsExactly(BedsideRefusal.RECALLED, BedsideRefusal.HELD, BedsideRefusal.THAW_CLOCK_OVER);
        var frozenExpiryFirst = new BedsideSituation.MilkAtBedside(
                milk.unitId(),
                milk.bottleId(),
                false,
                "A000126000001",
                "A0001",
                100,
                baby.id(),
                null,
                NOW,
                false,
                false,
                false);
        assertThat(rules.check(
                        situation(baby, frozenExpiryFirst, new Verdict.Reason("gate.clock.expired", List.of(), null))))
                .containsExactly(BedsideRefusal.NOT_THAWED, BedsideRefusal.EXPIRED);
    }

    @Test
    void onlyRefusalsThatAllowItAndThatTheBankListsAreOverridden() {
        assertThat(BedsideRules.overridable(List.of(BedsideRefusal.NOT_ISSUED), List.of("NOT_ISSUED")))
                .isTrue();
        assertThat(BedsideRules.overridable(List.of(BedsideRefusal.NOT_ISSUED), List.of("NONE")))
                .isFalse();
        assertThat(BedsideRules.overridable(
                        List.of(BedsideRefusal.NOT_ISSUED, BedsideRefusal.RECALLED), List.of("NOT_ISSUED", "RECALLED")))
                .isFalse();
        assertThat(BedsideRules.overridable(List.of(BedsideRefusal.HELD), List.of("HELD")))
                .isFalse();
        assertThat(BedsideRules.overridable(List.of(), List.of("NOT_ISSUED"))).isFalse();
    }
}
