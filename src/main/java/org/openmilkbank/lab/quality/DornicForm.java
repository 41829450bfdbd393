package org.openmilkbank.lab.quality;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Three titrations of the container's milk in mL of N/9 NaOH, each more than 0 and less than 1 mL. */
public record DornicForm(
        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "{lab.quality.dornic.range}")
        @DecimalMax(value = "1", inclusive = false, message = "{lab.quality.dornic.range}")
        BigDecimal ml1,

        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "{lab.quality.dornic.range}")
        @DecimalMax(value = "1", inclusive = false, message = "{lab.quality.dornic.range}")
        BigDecimal ml2,

        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "{lab.quality.dornic.range}")
        @DecimalMax(value = "1", inclusive = false, message = "{lab.quality.dornic.range}")
        BigDecimal ml3,

        @Size(max = 1000) String reason) {

    public static DornicForm blank() {
        return new DornicForm(null, null, null, null);
    }
}
