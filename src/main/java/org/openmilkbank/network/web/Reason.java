package org.openmilkbank.network.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.openmilkbank.shared.TextLimits;

/** Why an addendum is withdrawn or an adoption ended: the page's form and the API's body. */
record Reason(@NotBlank @Size(max = TextLimits.REASON) String reason) {

    static Reason blank() {
        return new Reason(null);
    }
}
