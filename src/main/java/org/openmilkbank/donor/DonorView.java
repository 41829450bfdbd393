package org.openmilkbank.donor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record DonorView(
        UUID id,
        String code,
        String givenName,
        String familyName,
        LocalDate birthDate,
        String phone,
        String address,
        LocalDate firstDonationOn,
        Instant registeredAt,
        String registeredBy) {

    public String fullName() {
        return givenName + " " + familyName;
    }
}
