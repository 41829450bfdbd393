package org.openmilkbank.network;

/**
 * The hub refused a bank's signed request: it is not signed, not signed by a registered bank's key, or signed too far
 * from the hub's clock. Answered 401 with its coded message; nothing was done. Not a {@code RuleViolation}: it is
 * about who asks, not about what is asked.
 */
public final class HubRequestRefused extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    HubRequestRefused(String code, Object... args) {
        super(code);
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
