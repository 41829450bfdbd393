package org.openmilkbank.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Days of supply: the released stock divided by the mean milk dispensed per day over the last {@code useDays} days.
 * Without any use in that window there is no number (the stock would last for ever at that rate).
 */
public record DaysOfSupply(long stockMl, long dispensedMl, int useDays) {

    public DaysOfSupply {
        if (useDays < 1) {
            throw new IllegalArgumentException("days of use must be at least 1: " + useDays);
        }
        if (stockMl < 0 || dispensedMl < 0) {
            throw new IllegalArgumentException("volumes are not negative");
        }
    }

    /** Mean mL dispensed per day, to one decimal. */
    public BigDecimal meanDailyMl() {
        return BigDecimal.valueOf(dispensedMl).divide(BigDecimal.valueOf(useDays), 1, RoundingMode.HALF_UP);
    }

    /** Days the stock lasts at the mean use, to one decimal, from the exact numbers; {@code null} without use. */
    public BigDecimal supplyDays() {
        if (dispensedMl == 0) {
            return null;
        }
        return BigDecimal.valueOf(stockMl)
                .multiply(BigDecimal.valueOf(useDays))
                .divide(BigDecimal.valueOf(dispensedMl), 1, RoundingMode.HALF_UP);
    }
}
