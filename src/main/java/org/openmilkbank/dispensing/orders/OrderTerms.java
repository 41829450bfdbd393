package org.openmilkbank.dispensing.orders;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.openmilkbank.inventory.EnergyClass;
import org.openmilkbank.shared.TextLimits;

/**
 * What the ward orders for an infant: the page's form and the API's body. Energy and acidity bands are optional
 * (only where the bank measures them); no end date means one day.
 */
public record OrderTerms(
        @NotNull @Min(1) @Max(3000) Integer volumePerDayMl,
        @NotNull @Min(1) @Max(500) Integer volumePerFeedMl,
        @NotNull @Min(1) @Max(24) Integer feedsPerDay,
        @NotNull LocalDate startsOn,
        LocalDate endsOn,
        EnergyClass energyBand,
        AcidityBand acidityBand,
        @NotBlank @Size(max = TextLimits.NAME) String clinician) {

    /** A blank form starting today. */
    public static OrderTerms blank(LocalDate today) {
        return new OrderTerms(null, null, null, today, null, null, null, null);
    }
}
