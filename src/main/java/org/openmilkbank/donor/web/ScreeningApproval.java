package org.openmilkbank.donor.web;

/** An approver's signature on a screening: her own password again. The page's form and the API's body. */
public record ScreeningApproval(String signaturePassword) {

    static ScreeningApproval blank() {
        return new ScreeningApproval(null);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ScreeningApproval[signaturePassword=…]";
    }
}
