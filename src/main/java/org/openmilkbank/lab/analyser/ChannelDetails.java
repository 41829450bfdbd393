package org.openmilkbank.lab.analyser;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.openmilkbank.shared.TextLimits;

/**
 * Where an instrument writes one nutrient and how to read it: the column's header, its unit, the linear correction
 * and the accepted range of the daily check sample (both ends, or neither). A blank column: not reported.
 */
public record ChannelDetails(
        Nutrient nutrient,
        @Size(max = TextLimits.CODE) String column,
        ReadingUnit unit,
        BigDecimal slope,
        BigDecimal intercept,
        BigDecimal checkMin,
        BigDecimal checkMax) {

    public boolean mapped() {
        return column != null && !column.isBlank();
    }
}
