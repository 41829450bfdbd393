package org.openmilkbank.pasteurization.curve;

import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.shared.Said;

/** A verdict's rules kept as codes with their numbers (JSON), rendered in the reader's language when read. */
final class StoredVerdict {

    static final String ROW = "pasteurization.curve.verdict.row";
    static final String SECOND_LOOK = "pasteurization.curve.verdict.secondLook";

    private StoredVerdict() {}

    static String toJson(CurveVerdict v) {
        List<Said> rows = new ArrayList<>();
        for (RuleResult r : v.rules()) {
            rows.add(Said.of(ROW, Said.label(r.rule()), Said.label(r.outcome()), r.said()));
        }
        for (Said s : v.secondLookReasons()) {
            rows.add(Said.of(SECOND_LOOK, s));
        }
        return Said.toJson(rows);
    }

    static List<RuleResult> rules(String json) {
        List<RuleResult> out = new ArrayList<>();
        for (Said s : Said.listFromJson(json)) {
            if (ROW.equals(s.key())) {
                out.add(new RuleResult(
                        CurveRule.valueOf(suffix(s.args().get(0))),
                        RuleOutcome.valueOf(suffix(s.args().get(1))),
                        (Said) s.args().get(2)));
            }
        }
        return out;
    }

    static List<Said> secondLook(String json) {
        return Said.listFromJson(json).stream()
                .filter(s -> SECOND_LOOK.equals(s.key()))
                .map(s -> (Said) s.args().get(0))
                .toList();
    }

    private static String suffix(Object label) {
        String key = ((Said) label).key();
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
