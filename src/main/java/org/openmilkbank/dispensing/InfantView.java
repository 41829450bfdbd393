package org.openmilkbank.dispensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An infant who may receive donor milk, as the pages, the API and other modules see it. */
public record InfantView(
        UUID id,
        String infantCode,
        String familyName,
        String givenName,
        LocalDate birthDate,
        int gestationalAgeWeeks,
        int gestationalAgeDays,
        int birthWeightGrams,
        String ward,
        boolean consentGiven,
        LocalDate consentDate,
        String consentRecordedBy,
        Instant registeredAt,
        String registeredBy,
        boolean priority,
        /** Given and family name in the bank's order ({@code standards} names.order); the only way pages show it. */
        String displayName,
        /** At risk of necrotising enterocolitis, after gut surgery, with heart disease: amended with a reason. */
        boolean necRisk,
        boolean gutSurgery,
        boolean heartDisease) {

    /** How many of the risks beyond size she has: the "sickest" of "smallest and sickest first". */
    public int risks() {
        return (necRisk ? 1 : 0) + (gutSurgery ? 1 : 0) + (heartDisease ? 1 : 0);
    }

    /** Gestational age as neonatal units write it: weeks+days. */
    public String gestationalAge() {
        return gestationalAgeWeeks + "+" + gestationalAgeDays;
    }
}
