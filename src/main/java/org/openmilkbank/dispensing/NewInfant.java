package org.openmilkbank.dispensing;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.openmilkbank.shared.TextLimits;

/**
 * An infant's details as entered on the ward: for registration and for corrections. Consent is optional at
 * registration (it may be recorded later); {@code consentGiven} null means "not given".
 */
public record NewInfant(
        @Size(max = TextLimits.CODE) String infantCode,
        @Size(max = TextLimits.NAME) String familyName,
        @Size(max = TextLimits.NAME) String givenName,
        LocalDate birthDate,
        Integer gestationalAgeWeeks,
        Integer gestationalAgeDays,
        Integer birthWeightGrams,
        @Size(max = TextLimits.LABEL) String ward,
        Boolean consentGiven,
        LocalDate consentDate) {

    boolean consent() {
        return Boolean.TRUE.equals(consentGiven);
    }
}
