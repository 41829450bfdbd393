package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SeasonalForecastTests {

    /** Months from {@code first}, each month's figures from its calendar month (1–12). */
    private static List<MonthFigures> series(
            YearMonth first,
            int months,
            IntToDoubleFunction supply,
            IntToDoubleFunction demand,
            IntToDoubleFunction stock) {
        List<MonthFigures> out = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            YearMonth m = first.plusMonths(i);
            int moy = m.getMonthValue();
            out.add(new MonthFigures(
                    m,
                    BigDecimal.valueOf(supply.applyAsDouble(moy)),
                    BigDecimal.valueOf(demand.applyAsDouble(moy)),
                    BigDecimal.valueOf(stock.applyAsDouble(moy))));
        }
        return out;
    }

    /** Brazil: donations and so stocks fall about 40 % from December to February, demand holds. */
    private static double brazilStock(int moy) {
        return switch (moy) {
            case 12 -> 80;
            case 1 -> 60;
            case 2 -> 60;
            case 3 -> 85;
            default -> 100;
        };
    }

    private static SeasonalForecast.Result withOwnIndices(List<MonthFigures> history) {
        return SeasonalForecast.forecast(history, SeasonalIndices.of(history).orElseThrow());
    }

    @Test
    void aBrazilianSeriesWhoseStockFallsFromDecemberToFebruaryForecastsTheDip() {
        // three years to the end of November 2026: the forecast covers December, January and February
        List<MonthFigures> history =
                series(YearMonth.of(2023, 12), 36, m -> brazilStock(m), m -> 60, SeasonalForecastTests::brazilStock);

        SeasonalForecast.Result result = withOwnIndices(history);

        assertThat(result.status()).isEqualTo(Forecast.Status.FORECAST);
        assertThat(result.ahead())
                .extracting(Forecast.Month::month)
                .containsExactly(YearMonth.of(2026, 12), YearMonth.of(2027, 1), YearMonth.of(2027, 2));
        double november = history.get(35).stockLitres().doubleValue();
        double december = result.ahead().get(0).stockLitres().doubleValue();
        double january = result.ahead().get(1).stockLitres().doubleValue();
        double february = result.ahead().get(2).stockLitres().doubleValue();
        assertThat(december).isLessThan(november);
        assertThat(january).isLessThan(december).isCloseTo(0.6 * november, within(1.0));
        assertThat(february).isCloseTo(0.6 * november, within(1.0));
        // days of supply dip with the stock: 100 L over 2 L a day is 50 days in November, about 30 in January
        assertThat(result.daysOfSupplyNow()).isEqualByComparingTo("50.0");
        assertThat(result.ahead().get(1).daysOfSupply().doubleValue()).isCloseTo(31.0, within(0.6));
    }

    @Test
    void theLevelIsDeseasonalisedSoALowDecemberIsNotReadAsANewLevel() {
        // history ends in January, inside the dip: the forecast climbs back in March and April
        List<MonthFigures> history =
                series(YearMonth.of(2024, 2), 36, m -> 60, m -> 60, SeasonalForecastTests::brazilStock);

        SeasonalForecast.Result result = withOwnIndices(history);

        assertThat(result.ahead().get(0).stockLitres().doubleValue()).isCloseTo(60, within(1.0));
        assertThat(result.ahead().get(2).stockLitres().doubleValue()).isCloseTo(100, within(1.5));
    }

    @Test
    void aFlatSeriesForecastsFlat() {
        List<MonthFigures> history = series(YearMonth.of(2024, 1), 30, m -> 50, m -> 40, m -> 30);

        SeasonalForecast.Result result = withOwnIndices(history);

        assertThat(result.ahead()).hasSize(3).allSatisfy(m -> {
            assertThat(m.supplyLitres()).isEqualByComparingTo("50");
            assertThat(m.demandLitres()).isEqualByComparingTo("40");
            assertThat(m.stockLitres()).isEqualByComparingTo("30");
        });
    }

    @Test
    void tooLittleHistorySaysSoAndStillGivesTodaysDaysOfSupply() {
        List<MonthFigures> history = series(YearMonth.of(2026, 9), 2, m -> 50, m -> 30, m -> 10);

        SeasonalForecast.Result result = SeasonalForecast.forecast(history, SeasonalIndices.FLAT);

        assertThat(result.status()).isEqualTo(Forecast.Status.TOO_LITTLE_HISTORY);
        assertThat(result.ahead()).isEmpty();
        // October: 10 L over 30 L in 31 days
        assertThat(result.daysOfSupplyNow()).isEqualByComparingTo("10.3");
        assertThat(SeasonalForecast.forecast(List.of(), SeasonalIndices.FLAT).status())
                .isEqualTo(Forecast.Status.NO_HISTORY);
    }

    @Test
    void lessThanTwoYearsGivesNoIndicesOfItsOwn() {
        assertThat(SeasonalIndices.of(series(YearMonth.of(2025, 1), 23, m -> 1, m -> 1, m -> 1)))
                .isEmpty();
        assertThat(SeasonalIndices.of(series(YearMonth.of(2025, 1), 24, m -> 1, m -> 1, m -> 1)))
                .isPresent();
    }

    @Test
    void pooledIndicesAreTheMeanOfTheBanks() {
        SeasonalIndices brazil = SeasonalIndices.of(
                        series(YearMonth.of(2024, 1), 24, m -> 1, m -> 1, SeasonalForecastTests::brazilStock))
                .orElseThrow();
        SeasonalIndices pooled =
                SeasonalIndices.pooled(List.of(brazil, SeasonalIndices.FLAT)).orElseThrow();

        double january = brazil.stock(YearMonth.of(2030, 1));
        assertThat(pooled.stock(YearMonth.of(2030, 1))).isCloseTo((january + 1) / 2, within(1e-9));
        assertThat(SeasonalIndices.pooled(List.of())).isEmpty();
    }

    @Test
    void withoutDispensingThereAreNoDaysOfSupply() {
        assertThat(SeasonalForecast.daysOfSupply(BigDecimal.TEN, BigDecimal.ZERO, YearMonth.of(2026, 1)))
                .isNull();
    }

    @Property(tries = 200)
    void anySteadySeriesForecastsItsOwnLevel(
            @ForAll @IntRange(min = 3, max = 48) int months, @ForAll @IntRange(min = 1, max = 100_000) int litres) {
        List<MonthFigures> history = series(YearMonth.of(2020, 5), months, m -> litres, m -> litres, m -> litres);
        SeasonalIndices indices = SeasonalIndices.of(history).orElse(SeasonalIndices.FLAT);

        SeasonalForecast.Result result = SeasonalForecast.forecast(history, indices);

        assertThat(result.ahead()).hasSize(3).allSatisfy(m -> {
            assertThat(m.stockLitres().doubleValue()).isCloseTo(litres, within(0.01));
            assertThat(m.demandLitres().doubleValue()).isCloseTo(litres, within(0.01));
        });
    }

    @Property(tries = 100)
    void scalingTheHistoryScalesTheForecast(
            @ForAll @IntRange(min = 24, max = 40) int months, @ForAll @IntRange(min = 2, max = 50) int factor) {
        List<MonthFigures> one =
                series(YearMonth.of(2021, 3), months, m -> 10 + m, m -> 20, SeasonalForecastTests::brazilStock);
        List<MonthFigures> scaled = series(
                YearMonth.of(2021, 3), months, m -> factor * (10 + m), m -> factor * 20, m -> factor * brazilStock(m));

        List<Forecast.Month> a = withOwnIndices(one).ahead();
        List<Forecast.Month> b = withOwnIndices(scaled).ahead();

        for (int i = 0; i < 3; i++) {
            assertThat(b.get(i).stockLitres().doubleValue())
                    .isCloseTo(factor * a.get(i).stockLitres().doubleValue(), within(0.01 * factor));
            // days of supply do not depend on the bank's size
            assertThat(b.get(i).daysOfSupply().doubleValue())
                    .isCloseTo(a.get(i).daysOfSupply().doubleValue(), within(0.11));
        }
    }
}
