package org.openmilkbank.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The statistics of the network's benchmarks, on plain numbers: ranks with ties, percentile ranks, quartiles and the
 * funnel plot's control limits for a proportion.
 */
final class BenchmarkStatistics {

    /** The two-sided 95 % limit's z (1 − 0.025 quantile of the normal distribution). */
    static final double Z95 = 1.959963984540054;
    /** The two-sided 99.8 % limit's z (1 − 0.001 quantile). */
    static final double Z998 = 3.090232306167813;

    /** Below this many expected events or non-events, limits come from the binomial distribution itself. */
    static final double EXACT_BELOW = 5;

    private BenchmarkStatistics() {}

    /**
     * The competition rank of each value (1 is the best; equal values share a rank and the next rank skips, 1, 2, 2,
     * 4), the best being the highest when {@code higherIsBetter}, else the lowest.
     */
    static int[] ranks(double[] values, boolean higherIsBetter) {
        int[] ranks = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int better = 0;
            for (double other : values) {
                if (higherIsBetter ? other > values[i] : other < values[i]) {
                    better++;
                }
            }
            ranks[i] = better + 1;
        }
        return ranks;
    }

    /**
     * Each value's percentile rank, 0 to 100: the share of banks it does better than, counting the banks equal to it
     * (itself too) half: {@code 100 × (worse + equal / 2) / n}. A lone bank is at 50.
     */
    static double[] percentiles(double[] values, boolean higherIsBetter) {
        double[] out = new double[values.length];
        int n = values.length;
        for (int i = 0; i < n; i++) {
            int worse = 0;
            int equal = 0;
            for (double other : values) {
                if (other == values[i]) {
                    equal++;
                } else if (higherIsBetter ? other < values[i] : other > values[i]) {
                    worse++;
                }
            }
            out[i] = 100.0 * (worse + equal / 2.0) / n;
        }
        return out;
    }

    /**
     * The {@code q} quantile (0 to 1) by linear interpolation between the order statistics (R's type 7, Excel's
     * PERCENTILE.INC): the median of 1, 2, 3, 4 is 2.5, its first quartile 1.75; {@code NaN} for no values.
     */
    static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = (int) Math.ceil(h);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The control limits of a proportion {@code p} observed over {@code n} trials at the two-sided level of {@code z}:
     * {@code p ± z·√(p(1−p)/n)} clipped to 0..1, or, when fewer than {@link #EXACT_BELOW} events or non-events are
     * expected, the binomial distribution's own quantiles divided by {@code n}.
     */
    static Limits limits(double p, double n, double z) {
        if (n <= 0) {
            return new Limits(0, 1);
        }
        if ((n * p < EXACT_BELOW || n * (1 - p) < EXACT_BELOW) && n <= 100_000) {
            double tail = 1 - normalCdf(z);
            long trials = Math.round(n);
            return new Limits(
                    binomialQuantile(trials, p, tail) / (double) trials,
                    binomialQuantile(trials, p, 1 - tail) / (double) trials);
        }
        double half = z * Math.sqrt(p * (1 - p) / n);
        return new Limits(Math.max(0, p - half), Math.min(1, p + half));
    }

    /** The smallest {@code r} with {@code P(X ≤ r) ≥ q} for {@code X ~ Binomial(n, p)}. */
    static long binomialQuantile(long n, double p, double q) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double cumulative = 0;
        double logCoefficient = 0; // log C(n, r)
        for (long r = 0; r <= n; r++) {
            if (r > 0) {
                logCoefficient += Math.log(n - r + 1) - Math.log(r);
            }
            cumulative += Math.exp(logCoefficient + r * logP + (n - r) * logQ);
            if (cumulative >= q - 1e-12) {
                return r;
            }
        }
        return n;
    }

    /** The standard normal distribution function (Abramowitz–Stegun 7.1.26 through erf, error below 1.5e-7). */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1
                - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                        * t
                        * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /** Lower and upper control limits of a proportion. */
    record Limits(double lower, double upper) {

        boolean outside(double proportion) {
            return proportion < lower - 1e-12 || proportion > upper + 1e-12;
        }
    }

    /** The denominators at which a funnel's limits are drawn: {@code points} steps, evenly on a log scale. */
    static List<Double> funnelSteps(double smallest, double largest, int points) {
        List<Double> steps = new ArrayList<>();
        double lo = Math.max(1, smallest);
        double hi = Math.max(lo * 2, largest);
        for (int i = 0; i < points; i++) {
            steps.add(Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (points - 1)));
        }
        return steps;
    }
}
