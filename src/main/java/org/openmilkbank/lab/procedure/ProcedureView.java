package org.openmilkbank.lab.procedure;

import java.util.List;

/**
 * One version of a procedure under a profile, its steps in the reader's language with the profile's numbers.
 * {@code editable}: a bank's own profile, whose ADMIN may edit it; {@code latest}: the version samples follow now.
 */
public record ProcedureView(
        Procedure procedure,
        String code,
        String profileCode,
        int version,
        boolean latest,
        boolean editable,
        List<Step> steps) {

    /** A step as read: {@code own}, the bank's own words rather than the standard's. */
    public record Step(int position, String text, boolean own) {}
}
