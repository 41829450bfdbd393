package org.openmilkbank.pasteurization.web;

import jakarta.validation.constraints.Size;

/**
 * The second technician's release: she signs with her own password (the page's form and the API's body). A wrong
 * or missing password is refused on {@code signaturePassword} and releases nothing.
 */
record ReleaseForm(@Size(max = 200) String signaturePassword) {

    @Override
    public String toString() {
        return "ReleaseForm[signaturePassword=…]";
    }
}
