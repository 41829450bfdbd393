package org.openmilkbank.donor.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.NewDonor;
import org.openmilkbank.shared.TextLimits;

/** A correction of her details with its reason: the page's form and the API's body. */
public record Correction(
        @NotBlank @Size(max = TextLimits.NAME) String givenName,
        @NotBlank @Size(max = TextLimits.NAME) String familyName,
        LocalDate birthDate,
        @Size(max = TextLimits.PHONE) String phone,
        @Size(max = TextLimits.ADDRESS) String address,
        @NotBlank @Size(max = TextLimits.REASON) String reason) {

    /** Her details as recorded, with no reason yet. */
    static Correction of(DonorView donor) {
        return new Correction(
                donor.givenName(), donor.familyName(), donor.birthDate(), donor.phone(), donor.address(), null);
    }

    NewDonor details() {
        return new NewDonor(givenName, familyName, birthDate, phone, address);
    }
}
