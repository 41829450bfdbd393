package org.openmilkbank.network;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Month-of-year indices of one series (supply, demand or stock): how far each calendar month stands above or below
 * the year's mean (1.0 is the mean, 0.6 is 40 % below). From a bank's last whole years (two or more): the mean of each
 * calendar month over those years divided by the mean of the twelve. Pooled indices are the mean of several banks'.
 */
record SeasonalIndices(double[] supply, double[] demand, double[] stock) {

    static final int MIN_MONTHS = 24;

    static final SeasonalIndices FLAT = new SeasonalIndices(ones(), ones(), ones());

    double supply(YearMonth m) {
        return supply[m.getMonthValue() - 1];
    }

    double demand(YearMonth m) {
        return demand[m.getMonthValue() - 1];
    }

    double stock(YearMonth m) {
        return stock[m.getMonthValue() - 1];
    }

    /** A bank's own indices, when it has shared at least two whole years of the three figures. */
    static Optional<SeasonalIndices> of(List<MonthFigures> history) {
        if (history.size() < MIN_MONTHS) {
            return Optional.empty();
        }
        List<MonthFigures> years = history.subList(history.size() - (history.size() / 12) * 12, history.size());
        double[] supply = series(years, MonthFigures::supplyLitres);
        double[] demand = series(years, MonthFigures::demandLitres);
        double[] stock = series(years, MonthFigures::stockLitres);
        if (supply == null || demand == null || stock == null) {
            return Optional.empty();
        }
        return Optional.of(new SeasonalIndices(supply, demand, stock));
    }

    /** The mean of several banks' indices, month by month; empty when there are none. */
    static Optional<SeasonalIndices> pooled(List<SeasonalIndices> banks) {
        if (banks.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SeasonalIndices(
                mean(banks.stream().map(SeasonalIndices::supply).toList()),
                mean(banks.stream().map(SeasonalIndices::demand).toList()),
                mean(banks.stream().map(SeasonalIndices::stock).toList())));
    }

    private static double[] series(List<MonthFigures> years, Function<MonthFigures, java.math.BigDecimal> figure) {
        Map<Integer, List<Double>> byMonth = new HashMap<>();
        for (MonthFigures m : years) {
            java.math.BigDecimal v = figure.apply(m);
            if (v != null) {
                byMonth.computeIfAbsent(m.month().getMonthValue(), k -> new ArrayList<>())
                        .add(v.doubleValue());
            }
        }
        double[] means = new double[12];
        for (int i = 0; i < 12; i++) {
            List<Double> values = byMonth.get(i + 1);
            if (values == null || values.isEmpty()) {
                return null;
            }
            means[i] =
                    values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
        double year = Arrays.stream(means).average().orElse(0);
        if (year <= 0) {
            return ones();
        }
        for (int i = 0; i < 12; i++) {
            means[i] = means[i] / year;
        }
        return means;
    }

    private static double[] mean(List<double[]> all) {
        double[] out = new double[12];
        for (double[] one : all) {
            for (int i = 0; i < 12; i++) {
                out[i] += one[i] / all.size();
            }
        }
        return out;
    }

    private static double[] ones() {
        double[] out = new double[12];
        Arrays.fill(out, 1.0);
        return out;
    }
}
