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
        String retireReason) {

    /** Term donor: her own infant born at 37 weeks or later; null when the gestation is not known. */
    public Boolean termDonor() {
        return infantGestationWeeks == null ? null : infantGestationWeeks >= 37;
    }

    public String fullName() {
        return givenName + " " + familyName;
    }
}
