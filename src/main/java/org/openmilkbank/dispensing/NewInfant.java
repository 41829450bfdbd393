package org.openmilkbank.dispensing;

import java.time.LocalDate;

/**
 * An infant's details as entered on the ward: for registration and for corrections. Consent is optional at
 * registration (it may be recorded later); {@code consentGiven} null means "not given".
 */
public record NewInfant(
        String infantCode,
        String familyName,
        String givenName,
        LocalDate birthDate,
        Integer gestationalAgeWeeks,
        Integer gestationalAgeDays,
        Integer birthWeightGrams,
        String ward,
        Boolean consentGiven,
        LocalDate consentDate) {

    boolean consent() {
        return Boolean.TRUE.equals(consentGiven);
    }
}
