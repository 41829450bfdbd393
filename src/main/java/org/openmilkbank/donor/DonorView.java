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
        String registeredBy,
        String preferredLanguage,
        LocalDate infantBirthDate,
        Integer infantGestationWeeks,
        Recruitment recruitedIn,
        LocalDate consentOn,
        String consentScope,
        LocalDate retiredOn,
        String retireReason,
        /** Given and family name in the bank's order ({@code standards} names.order); the only way pages show it. */
        String fullName) {

    /** Term donor: her own infant born at 37 weeks or later; null when the gestation is not known. */
    public Boolean termDonor() {
        return infantGestationWeeks == null ? null : infantGestationWeeks >= 37;
    }
}
