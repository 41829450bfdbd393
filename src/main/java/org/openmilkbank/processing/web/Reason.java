package org.openmilkbank.processing.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.openmilkbank.shared.TextLimits;

/** Why a pool is discarded, as the pool page and the API take it. */
record Reason(@NotBlank @Size(max = TextLimits.REASON) String reason) {

    static Reason blank() {
        return new Reason(null);
    }
}
