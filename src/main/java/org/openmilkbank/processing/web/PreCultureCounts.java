package org.openmilkbank.processing.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The culture before pasteurisation (CFU/mL), as the pool page and the API take it. */
record PreCultureCounts(
        @NotNull @PositiveOrZero Long totalCfu,
        @PositiveOrZero Long enterobacteriaceaeCfu,
        @PositiveOrZero Long staphAureusCfu) {

    static PreCultureCounts blank() {
        return new PreCultureCounts(null, null, null);
    }
}
