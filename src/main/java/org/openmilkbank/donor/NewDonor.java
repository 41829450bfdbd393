package org.openmilkbank.donor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A donor's details as entered at registration or in a correction. {@link DonorManagement} checks them again. */
public record NewDonor(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        LocalDate birthDate,
        @Size(max = 30) String phone,
        @Size(max = 300) String address) {

    public NewDonor {
        givenName = clean(givenName);
        familyName = clean(familyName);
        phone = clean(phone);
        address = clean(address);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
