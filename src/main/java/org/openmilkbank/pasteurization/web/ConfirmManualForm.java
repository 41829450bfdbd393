package org.openmilkbank.pasteurization.web;

import jakarta.validation.constraints.Size;

/**
 * A second person confirms a manual record (typed, without a log): she signs with her own password (the page's
 * form and the API's body). A wrong or missing password is refused on {@code signaturePassword} and confirms nothing.
 */
record ConfirmManualForm(@Size(max = 200) String signaturePassword) {

    @Override
    public String toString() {
        return "ConfirmManualForm[signaturePassword=…]";
    }
}
