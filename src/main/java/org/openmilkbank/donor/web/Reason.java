package org.openmilkbank.donor.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.openmilkbank.shared.TextLimits;

/** Why a record is voided, lifted or switched: the page's form and the API's body. */
public record Reason(
        @NotBlank @Size(max = TextLimits.REASON) String reason) {

    static Reason blank() {
        return new Reason(null);
    }
}
