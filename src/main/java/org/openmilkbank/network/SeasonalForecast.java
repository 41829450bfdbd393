package org.openmilkbank.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The forecasting method, kept simple enough to explain at a meeting: each figure (supply, demand, stock) of a coming
 * month is its recent level times the calendar month's seasonal index. The level is the mean of the last three
 * months with each divided by its own month's index (deseasonalised), so a December already low is not read as a new,
 * lower level. Days of supply of a month are its stock over its demand per day, as the data dictionary defines them.
 */
final class SeasonalForecast {

    /** Months of history a level needs. */
    static final int LEVEL_MONTHS = 3;

    /** Months forecast. */
    static final int HORIZON = 3;

    private SeasonalForecast() {}

    /** What the method gives: the coming months (empty with too little history) and days of supply now. */
    record Result(List<Forecast.Month> ahead, BigDecimal daysOfSupplyNow, Forecast.Status status) {}

    static Result forecast(List<MonthFigures> history, SeasonalIndices indices) {
        if (history.isEmpty()) {
            return new Result(List.of(), null, Forecast.Status.NO_HISTORY);
        }
        MonthFigures last = history.get(history.size() - 1);
        BigDecimal now = daysOfSupply(last.stockLitres(), last.demandLitres(), last.month());
        if (history.size() < LEVEL_MONTHS) {
            return new Result(List.of(), now, Forecast.Status.TOO_LITTLE_HISTORY);
        }
        List<MonthFigures> recent = history.subList(history.size() - LEVEL_MONTHS, history.size());
        Double supply = level(recent, MonthFigures::supplyLitres, m -> indices.supply(m.month()));
        Double demand = level(recent, MonthFigures::demandLitres, m -> indices.demand(m.month()));
        Double stock = level(recent, MonthFigures::stockLitres, m -> indices.stock(m.month()));
        List<Forecast.Month> ahead = new ArrayList<>();
        for (int h = 1; h <= HORIZON; h++) {
            YearMonth m = last.month().plusMonths(h);
            BigDecimal s = litres(supply, indices.supply(m));
            BigDecimal d = litres(demand, indices.demand(m));
            BigDecimal k = litres(stock, indices.stock(m));
            ahead.add(new Forecast.Month(m, s, d, k, daysOfSupply(k, d, m)));
        }
        return new Result(List.copyOf(ahead), now, Forecast.Status.FORECAST);
    }

    /** Stock over demand per day of the month, to one decimal; {@code null} without stock or demand. */
    static BigDecimal daysOfSupply(BigDecimal stockLitres, BigDecimal demandLitres, YearMonth month) {
        if (stockLitres == null || demandLitres == null || demandLitres.signum() <= 0) {
            return null;
        }
        return stockLitres
                .multiply(BigDecimal.valueOf(month.lengthOfMonth()))
                .divide(demandLitres, 1, RoundingMode.HALF_UP);
    }

    private static Double level(
            List<MonthFigures> recent,
            Function<MonthFigures, BigDecimal> figure,
            ToDoubleFunction<MonthFigures> index) {
        double sum = 0;
        int n = 0;
        for (MonthFigures m : recent) {
            BigDecimal v = figure.apply(m);
            double i = index.applyAsDouble(m);
            if (v != null && i > 0) {
                sum += v.doubleValue() / i;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    private static BigDecimal litres(Double level, double index) {
        return level == null ? null : BigDecimal.valueOf(level * index).setScale(3, RoundingMode.HALF_UP);
    }
}
