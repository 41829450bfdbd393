package org.openmilkbank.shared;

/** A scanned or typed code is not a valid DIN. */
public class InvalidDinException extends RuleViolation {

    public InvalidDinException(String code, String input) {
        super(code, input == null ? "" : input);
    }
}
