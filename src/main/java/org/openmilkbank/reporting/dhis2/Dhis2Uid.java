package org.openmilkbank.reporting.dhis2;

import java.util.regex.Pattern;

/** DHIS2's identifiers: eleven letters and digits, the first a letter ({@code fbfJHSPpUQD}). */
public final class Dhis2Uid {

    private static final Pattern UID = Pattern.compile("[A-Za-z][A-Za-z0-9]{10}");

    private Dhis2Uid() {}

    public static boolean isValid(String value) {
        return value != null && UID.matcher(value).matches();
    }

    /** The UID as typed without its spaces, or {@code null} when blank; refused on {@code field} when not a UID. */
    static String optional(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return required(value, field);
    }

    static String required(String value, String field) {
        String uid = value == null ? "" : value.strip();
        if (!isValid(uid)) {
            throw new org.openmilkbank.shared.RuleViolation("reporting.dhis2.uid.invalid", uid).on(field);
        }
        return uid;
    }
}
