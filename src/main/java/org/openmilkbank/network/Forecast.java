package org.openmilkbank.network;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A bank's supply and demand, past and coming: its monthly history as shared, its days of supply at the end of its
 * last month, and the next three months forecast (seasonal index of the calendar month × the recent deseasonalised
 * level; see {@code docs/network.md}).
 *
 * @param daysOfSupplyNow the stock at the end of the last month shared over that month's mean daily dispensing (the
 *     data dictionary's {@code DAYS_OF_SUPPLY}); {@code null} without dispensing or without history
 * @param ahead the forecast months, empty when the history is too short ({@link Status})
 * @param seasonalSource whose month-of-year indices shaped the forecast
 */
public record Forecast(
        String facilityCode,
        String country,
        String region,
        List<MonthFigures> history,
        BigDecimal daysOfSupplyNow,
        List<Month> ahead,
        SeasonalSource seasonalSource,
        Status status) {

    /** Whether there is a forecast. */
    public enum Status {
        FORECAST,
        /** fewer months than a level needs ({@link SeasonalForecast#LEVEL_MONTHS}) */
        TOO_LITTLE_HISTORY,
        NO_HISTORY
    }

    /** One forecast month: litres pasteurised, dispensed and in stock at its end, and days of supply then. */
    public record Month(
            YearMonth month,
            BigDecimal supplyLitres,
            BigDecimal demandLitres,
            BigDecimal stockLitres,
            BigDecimal daysOfSupply) {}

    /** The last month shared, {@code null} without history. */
    public YearMonth lastMonth() {
        return history.isEmpty() ? null : history.get(history.size() - 1).month();
    }

    /**
     * The fewest days of supply from now through the first {@code months} forecast months (those known), {@code null}
     * when none is known.
     */
    public BigDecimal lowestDays(int months) {
        BigDecimal low = daysOfSupplyNow;
        for (Month m : ahead.subList(0, Math.min(months, ahead.size()))) {
            if (m.daysOfSupply() != null && (low == null || m.daysOfSupply().compareTo(low) < 0)) {
                low = m.daysOfSupply();
            }
        }
        return low;
    }
}
