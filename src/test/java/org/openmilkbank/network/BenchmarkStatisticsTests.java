package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The benchmarks' statistics on known numbers, and properties a bank relies on. */
class BenchmarkStatisticsTests {

    @Test
    void equalValuesShareARankAndTheNextRankSkips() {
        // lower is better (discards): 1.0 is first, the two 2.0 share second, 3.0 is fourth
        assertThat(BenchmarkStatistics.ranks(new double[] {2.0, 1.0, 3.0, 2.0}, false))
                .containsExactly(2, 1, 4, 2);
        assertThat(BenchmarkStatistics.ranks(new double[] {2.0, 1.0, 3.0, 2.0}, true))
                .containsExactly(2, 4, 1, 2);
    }

    @Test
    void percentileCountsTheBanksItBeatsAndHalfOfThoseEqual() {
        double[] p = BenchmarkStatistics.percentiles(new double[] {10, 20, 20, 40}, true);
        // 10 beats none and equals itself: 100 × 0.5 / 4
        assertThat(p[0]).isEqualTo(12.5);
        // 20 beats one, equals two (itself too): 100 × (1 + 1) / 4
        assertThat(p[1]).isEqualTo(50.0);
        assertThat(p[2]).isEqualTo(50.0);
        assertThat(p[3]).isEqualTo(87.5);
        assertThat(BenchmarkStatistics.percentiles(new double[] {7}, true)).containsExactly(50.0);
    }

    @Test
    void quartilesInterpolateBetweenOrderStatistics() {
        double[] v = {4, 1, 3, 2};
        assertThat(BenchmarkStatistics.quantile(v, 0.5)).isEqualTo(2.5);
        assertThat(BenchmarkStatistics.quantile(v, 0.25)).isEqualTo(1.75);
        assertThat(BenchmarkStatistics.quantile(v, 0.75)).isEqualTo(3.25);
        assertThat(BenchmarkStatistics.quantile(new double[] {5}, 0.25)).isEqualTo(5);
        assertThat(BenchmarkStatistics.quantile(new double[] {}, 0.5)).isNaN();
    }

    @Test
    void normalLimitsOfAProportion() {
        // p = 0.1 over 400: 0.1 ± 1.96 × √(0.1 × 0.9 / 400) = 0.1 ± 0.0294
        var l = BenchmarkStatistics.limits(0.1, 400, BenchmarkStatistics.Z95);
        assertThat(l.lower()).isCloseTo(0.07060, within(1e-4));
        assertThat(l.upper()).isCloseTo(0.12940, within(1e-4));
        var w = BenchmarkStatistics.limits(0.1, 400, BenchmarkStatistics.Z998);
        assertThat(w.lower()).isCloseTo(0.05365, within(1e-4));
        assertThat(w.upper()).isCloseTo(0.14635, within(1e-4));
        assertThat(l.outside(0.13)).isTrue();
        assertThat(l.outside(0.12)).isFalse();
    }

    @Test
    void smallDenominatorsTakeTheBinomialsOwnQuantiles() {
        // p = 0.05 over 20 runs (one failure expected): Binomial(20, 0.05) has P(X ≤ 2) = 0.9245, P(X ≤ 3) = 0.9841,
        // so the 97.5 % quantile is 3 failed cycles
        var l = BenchmarkStatistics.limits(0.05, 20, BenchmarkStatistics.Z95);
        assertThat(l.lower()).isEqualTo(0.0);
        assertThat(l.upper()).isEqualTo(3 / 20.0);
        // four failed cycles of 20 are outside, three are not
        assertThat(l.outside(4 / 20.0)).isTrue();
        assertThat(l.outside(3 / 20.0)).isFalse();
        assertThat(BenchmarkStatistics.binomialQuantile(10, 0.5, 0.5)).isEqualTo(5);
        assertThat(BenchmarkStatistics.normalCdf(BenchmarkStatistics.Z95)).isCloseTo(0.975, within(1e-6));
    }

    @Test
    void definitionsDifferWhenAnyBankHasAnotherValueOrNone() {
        Map<String, Map<String, String>> banks = Map.of(
                "A", Map.of("orders.criteria.below-weeks", "32", "stock.use-days", "30"),
                "B", Map.of("orders.criteria.below-weeks", "37", "stock.use-days", "30"),
                "C", Map.of("orders.criteria.below-weeks", "32"));
        assertThat(Benchmarks.differingKeys(banks)).containsExactly("orders.criteria.below-weeks", "stock.use-days");
        assertThat(Benchmarks.differingKeys(Map.of("A", Map.of("x", "1")))).isEmpty();
    }

    @Property
    void aBanksPercentileNeverFallsWhenItsValueImproves(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 50) Integer> values,
            @ForAll @IntRange(min = 1, max = 20) int improvement,
            @ForAll boolean higherIsBetter) {
        double[] before = values.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] after = before.clone();
        after[0] += higherIsBetter ? improvement : -improvement;
        assertThat(BenchmarkStatistics.percentiles(after, higherIsBetter)[0])
                .isGreaterThanOrEqualTo(BenchmarkStatistics.percentiles(before, higherIsBetter)[0]);
        assertThat(BenchmarkStatistics.ranks(after, higherIsBetter)[0])
                .isLessThanOrEqualTo(BenchmarkStatistics.ranks(before, higherIsBetter)[0]);
    }

    @Property
    void limitsAreOrderedTheWiderHoldsTheNarrowerAndBothNarrowAsTheDenominatorGrows(
            @ForAll @DoubleRange(min = 0.001, max = 0.999) @net.jqwik.api.constraints.Scale(4) double p,
            @ForAll @IntRange(min = 1, max = 5000) int n) {
        var small = BenchmarkStatistics.limits(p, n, BenchmarkStatistics.Z95);
        var wide = BenchmarkStatistics.limits(p, n, BenchmarkStatistics.Z998);
        assertThat(small.lower()).isBetween(0.0, small.upper());
        assertThat(small.upper()).isBetween(small.lower(), 1.0);
        assertThat(wide.lower()).isLessThanOrEqualTo(small.lower() + 1e-9);
        assertThat(wide.upper()).isGreaterThanOrEqualTo(small.upper() - 1e-9);
        if (n * p >= 5 && n * (1 - p) >= 5) {
            // the normal limits hold the pooled proportion (the binomial's quantiles are whole events over n)
            assertThat(p).isBetween(small.lower(), small.upper());
            var larger = BenchmarkStatistics.limits(p, n * 4.0, BenchmarkStatistics.Z95);
            assertThat(larger.upper() - larger.lower()).isLessThan(small.upper() - small.lower());
        }
    }

    @Property
    void everyRankIsBetweenOneAndTheNumberOfBanks(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 9) Integer> values) {
        double[] v = values.stream().mapToDouble(Integer::doubleValue).toArray();
        int[] ranks = BenchmarkStatistics.ranks(v, true);
        assertThat(java.util.Arrays.stream(ranks).boxed().toList())
                .allMatch(r -> r >= 1 && r <= v.length)
                .contains(1);
    }
}
