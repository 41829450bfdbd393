package org.openmilkbank.network;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A manager adopts an offered addendum in one step: she confirms she read it (its questions, pause, recruitment
 * suspension and extra tests take effect at once) and may add a note, kept in the history.
 */
public record AdoptAddendum(
        @NotNull @AssertTrue Boolean confirmed,
        @Size(max = 500) String note) {

    public static AdoptAddendum blank() {
        return new AdoptAddendum(null, null);
    }
}
