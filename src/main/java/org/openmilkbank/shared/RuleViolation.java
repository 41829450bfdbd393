package org.openmilkbank.shared;

import java.util.Arrays;

/**
 * A business rule refused the request. Carries a message key (resolved in the user's language) and its
 * arguments; the web layer turns it into a flash message or a 422 problem response. Nothing was changed.
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public RuleViolation(String code, Object... args) {
        super(code + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
