package org.openmilkbank.processing.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openmilkbank.processing.RemainderReason;
import org.openmilkbank.shared.TextLimits;

/** Closing a pool some runs bottled: why the rest is discarded, and the words (required for OTHER). */
record CloseForm(
        @NotNull RemainderReason reason,
        @Size(max = TextLimits.REASON) String note) {

    static CloseForm blank() {
        return new CloseForm(null, null);
    }
}
