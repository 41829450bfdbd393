package org.openmilkbank.shared;

/** The record asked for does not exist; shown as 404 with the message resolved from the key. */
public class NotFound extends RuleViolation {

    public NotFound(String code, Object... args) {
        super(code, args);
    }
}
