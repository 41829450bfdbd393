package org.openmilkbank.donor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.openmilkbank.shared.TextLimits;

/** A donor's details as entered at registration or in a correction. {@link DonorManagement} checks them again. */
public record NewDonor(
        @NotBlank @Size(max = TextLimits.NAME) String givenName,
        @NotBlank @Size(max = TextLimits.NAME) String familyName,
        LocalDate birthDate,
        @Size(max = TextLimits.PHONE) String phone,
        @Size(max = TextLimits.ADDRESS) String address) {

    public NewDonor {
        givenName = clean(givenName);
        familyName = clean(familyName);
        phone = clean(phone);
        address = clean(address);
    }

    /** An empty registration form. */
    public static NewDonor blank() {
        return new NewDonor(null, null, null, null, null);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
