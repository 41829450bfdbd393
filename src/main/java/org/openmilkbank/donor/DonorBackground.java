package org.openmilkbank.donor;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What the bank knows of a donor beyond her identity: language, her own infant, recruitment and consent. */
public record DonorBackground(
        @Size(max = 50) String preferredLanguage,
        LocalDate infantBirthDate,
        Integer infantGestationWeeks,
        Recruitment recruitedIn,
        LocalDate consentOn,
        @Size(max = 500) String consentScope) {

    public DonorBackground {
        preferredLanguage = clean(preferredLanguage);
        consentScope = clean(consentScope);
    }

    /** Her background as recorded, to correct on the page. */
    public static DonorBackground of(DonorView donor) {
        return new DonorBackground(
                donor.preferredLanguage(),
                donor.infantBirthDate(),
                donor.infantGestationWeeks(),
                donor.recruitedIn(),
                donor.consentOn(),
                donor.consentScope());
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
