package org.openmilkbank.donor;

import java.time.LocalDate;

/** What the bank knows of a donor beyond her identity: language, her own infant, recruitment and consent. */
public record DonorBackground(
        String preferredLanguage,
        LocalDate infantBirthDate,
        Integer infantGestationWeeks,
        Recruitment recruitedIn,
        LocalDate consentOn,
        String consentScope) {

    public DonorBackground {
        preferredLanguage = clean(preferredLanguage);
        consentScope = clean(consentScope);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
