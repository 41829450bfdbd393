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
    private String field;

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

    /**
     * Names the input the refusal is about, by the name of the request record's component (e.g. {@code "sampleDate"}),
     * so a page shows it beside that field ({@code shared.web.Forms}) and an API names it in the problem.
     */
    public RuleViolation on(String field) {
        this.field = field;
        return this;
    }

    /** The input the refusal is about, or empty when it is about the request as a whole. */
    public java.util.Optional<String> field() {
        return java.util.Optional.ofNullable(field);
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
