package org.openmilkbank.shared;

import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * A business rule refused the request. Carries a message key (resolved in the user's language) and its
 * arguments; the web layer turns it into a flash message or a 422 problem response. Nothing was changed.
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final transient Object[] args;
    private final transient List<MessageSourceResolvable> reasons;

    public RuleViolation(String code, Object... args) {
        this(code, List.of(), args);
    }

    /** A refusal with several reasons (the safety gate's), each rendered in the reader's language after the message. */
    public RuleViolation(String code, List<? extends MessageSourceResolvable> reasons, Object... args) {
        super(code
                + (args.length == 0 ? "" : " " + Arrays.toString(args))
                + (reasons.isEmpty()
                        ? ""
                        : " " + reasons.stream().map(r -> r.getCodes()[0]).toList()));
        this.code = code;
        this.args = args;
        this.reasons = List.copyOf(reasons);
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<MessageSourceResolvable> reasons() {
        return reasons;
    }
}
