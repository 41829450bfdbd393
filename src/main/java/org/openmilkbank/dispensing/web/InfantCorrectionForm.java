package org.openmilkbank.dispensing.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.NewInfant;
import org.openmilkbank.shared.TextLimits;

/**
 * The infant page's correction: every detail as shown, changed where wrong, and the reason. Flat, so a refusal is
 * shown beside its field; the API's correction is a patch of the same details ({@code InfantApiController.Correction}).
 */
record InfantCorrectionForm(
        @Size(max = TextLimits.CODE) String infantCode,
        @Size(max = TextLimits.NAME) String familyName,
        @Size(max = TextLimits.NAME) String givenName,
        LocalDate birthDate,
        Integer gestationalAgeWeeks,
        Integer gestationalAgeDays,
        Integer birthWeightGrams,
        @Size(max = TextLimits.LABEL) String ward,
        @NotBlank @Size(max = TextLimits.REASON) String reason) {

    static InfantCorrectionForm of(InfantView i) {
        return new InfantCorrectionForm(
                i.infantCode(),
                i.familyName(),
                i.givenName(),
                i.birthDate(),
                i.gestationalAgeWeeks(),
                i.gestationalAgeDays(),
                i.birthWeightGrams(),
                i.ward(),
                null);
    }

    /** The details, consent left as it is. */
    NewInfant details() {
        return new NewInfant(
                infantCode,
                familyName,
                givenName == null ? "" : givenName,
                birthDate,
                gestationalAgeWeeks,
                gestationalAgeDays,
                birthWeightGrams,
                ward,
                null,
                null);
    }
}
