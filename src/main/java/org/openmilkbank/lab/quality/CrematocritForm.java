package org.openmilkbank.lab.quality;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The cream column and the whole column of the spun capillary, in mm (the cream within the whole). */
public record CrematocritForm(
        @NotNull @PositiveOrZero @DecimalMax("1000") BigDecimal creamMm,
        @NotNull @Positive @DecimalMax("1000") BigDecimal totalMm,
        @Size(max = 1000) String reason) {

    public static CrematocritForm blank() {
        return new CrematocritForm(null, null, null);
    }
}
