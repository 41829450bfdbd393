package org.openmilkbank.ward;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.Verdict;

/** The bedside check: every rule asked, every refusal kept, in the order the rules are listed. */
final class BedsideRules {

    private final List<BedsideRule> rules;

    BedsideRules(List<BedsideRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Right baby, an order in force, consent, thawed, not used up, and the gate's holds, recalls and clocks. */
    static BedsideRules standard() {
        return new BedsideRules(List.of(
                BedsideRules::rightBaby,
                BedsideRules::order,
                BedsideRules::consent,
                BedsideRules::thawed,
                BedsideRules::notUsedUp,
                BedsideRules::gate));
    }

    List<BedsideRefusal> check(BedsideSituation situation) {
        Set<BedsideRefusal> refused = new LinkedHashSet<>();
        rules.forEach(rule -> refused.addAll(rule.refusals(situation)));
        return List.copyOf(refused);
    }

    /** Whether two nurses may override every refusal: each one overridable and listed by the bank. */
    static boolean overridable(List<BedsideRefusal> refusals, List<String> allowedByBank) {
        return !refusals.isEmpty()
                && refusals.stream().allMatch(r -> r.overridable() && allowedByBank.contains(r.name()));
    }

    static List<BedsideRefusal> rightBaby(BedsideSituation s) {
        if (s.milk().intendedInfantId() == null) {
            return List.of(BedsideRefusal.NOT_ISSUED);
        }
        return s.milk().intendedInfantId().equals(s.infant().id()) ? List.of() : List.of(BedsideRefusal.WRONG_BABY);
    }

    static List<BedsideRefusal> order(BedsideSituation s) {
        return s.orderInForce() ? List.of() : List.of(BedsideRefusal.NO_ORDER);
    }

    static List<BedsideRefusal> consent(BedsideSituation s) {
        return s.infant().consentGiven() ? List.of() : List.of(BedsideRefusal.NO_CONSENT);
    }

    static List<BedsideRefusal> thawed(BedsideSituation s) {
        return s.milk().thawedAt() == null ? List.of(BedsideRefusal.NOT_THAWED) : List.of();
    }

    static List<BedsideRefusal> notUsedUp(BedsideSituation s) {
        List<BedsideRefusal> r = new ArrayList<>();
        if (s.milk().fed()) {
            r.add(BedsideRefusal.ALREADY_FED);
        }
        if (s.milk().divided()) {
            r.add(BedsideRefusal.DIVIDED);
        }
        return r;
    }

    /** The gate's reasons for a feed, in the ward's words: recalled, held, expired, thaw clock over. */
    static List<BedsideRefusal> gate(BedsideSituation s) {
        List<BedsideRefusal> r = new ArrayList<>();
        for (Verdict.Reason reason : s.verdict().reasons()) {
            if (reason.holdId() != null) {
                HoldKind kind = s.holdKinds().get(reason.holdId());
                if (kind != null && kind.isRecall()) {
                    r.add(BedsideRefusal.RECALLED);
                } else if (kind == HoldKind.EXPIRY) {
                    r.add(s.milk().thawClockFirst() ? BedsideRefusal.THAW_CLOCK_OVER : BedsideRefusal.EXPIRED);
                } else {
                    r.add(BedsideRefusal.HELD);
                }
            } else if (reason.code().equals("gate.clock.expired")
                    || reason.code().equals("gate.clock.expiredAt")) {
                r.add(s.milk().thawClockFirst() ? BedsideRefusal.THAW_CLOCK_OVER : BedsideRefusal.EXPIRED);
            } else {
                r.add(BedsideRefusal.GATE_REFUSED);
            }
        }
        return r;
    }
}
