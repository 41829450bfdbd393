package org.openmilkbank.traceability;

import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.context.MessageSourceResolvable;

/** The gate's answer for one unit and one step: allowed, or every reason it may not be used, as codes. */
public record Verdict(UUID unitId, String unitLabel, GateUse use, List<Reason> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public boolean allowed() {
        return reasons.isEmpty();
    }

    /**
     * One reason: a message key in the traceability bundle and its arguments. Clinical detail never travels here;
     * {@code holdId} lets a clinical reader open the record behind a hold.
     */
    public record Reason(String code, List<Object> args, UUID holdId) implements MessageSourceResolvable {

        public Reason {
            args = List.copyOf(args);
        }

        @Override
        public String[] getCodes() {
            return new String[] {code};
        }

        @Override
        public Object[] getArguments() {
            return args.toArray();
        }

        @Override
        public String getDefaultMessage() {
            return code;
        }
    }

    /** Throws a refusal naming the unit and every reason, unless the unit may be used. */
    public void orThrow() {
        if (!allowed()) {
            throw new RuleViolation(
                    "gate.refused." + use.name(),
                    reasons.stream().map(r -> (MessageSourceResolvable) r).toList(),
                    unitLabel);
        }
    }
}
