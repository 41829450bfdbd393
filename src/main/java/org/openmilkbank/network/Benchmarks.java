package org.openmilkbank.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.reporting.indicators.IndicatorSource;
import org.openmilkbank.reporting.indicators.IndicatorUnit;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's comparison of banks on each indicator of the data dictionary, from the banks' monthly figures
 * ({@code network_indicator}): each bank's value, rank and percentile, the median and quartiles of the banks compared,
 * summaries by country and region and, for a rate, a funnel plot. Which indicators are rates and which way is better
 * come from the data dictionary ({@link IndicatorDefinition#rate()}, {@link IndicatorDefinition#better()}).
 */
@Service
@Transactional(readOnly = true)
public class Benchmarks {

    /** The periods a benchmark covers, in months ending with the month asked. */
    public static final List<Integer> PERIODS = List.of(1, 3, 12);

    private final JdbcClient jdbc;
    private final IndicatorSource indicators;
    private final JsonMapper json;
    private final BankKey key;

    Benchmarks(JdbcClient jdbc, IndicatorSource indicators, JsonMapper json, BankKey key) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.json = json;
        this.key = key;
    }

    /**
     * The question: an indicator, the last month and how many months end with it (1, 3 or 12), and optionally a
     * country and a region the compared banks are in.
     */
    public record Query(String indicator, YearMonth month, int months, String country, String region) {

        public Query {
            if (!PERIODS.contains(months)) {
                throw new RuleViolation("network.benchmarks.refused.period", months).on("months");
            }
            if (month == null) {
                throw new RuleViolation("network.benchmarks.refused.month").on("month");
            }
            country = blank(country) ? null : country.strip();
            region = blank(region) ? null : region.strip();
        }

        public YearMonth from() {
            return month.minusMonths(months - 1L);
        }
    }

    /**
     * One bank's place.
     *
     * @param value the bank's figure over the period: a rate's percentage, a ratio's numerator over denominator, else
     *     the monthly mean of its counts
     * @param numerator what a rate or ratio counted over the period (events), else {@code null}
     * @param denominator what it was divided by (trials), else {@code null}
     * @param months how many months of the period the bank reported a value for
     * @param rank 1 is the best (ties share a rank)
     * @param percentile 0 to 100, higher is better
     * @param outside95 for a rate, whether the bank is outside the funnel's 95 % limits
     * @param outside998 for a rate, whether it is outside the 99.8 % limits
     */
    public record BankFigure(
            String facilityCode,
            String country,
            String region,
            boolean named,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            int months,
            int rank,
            double percentile,
            boolean outside95,
            boolean outside998) {}

    /** The median and quartiles of the banks' values ({@code null} for no banks). */
    public record Summary(int banks, BigDecimal q1, BigDecimal median, BigDecimal q3) {}

    /** One group of banks (a country, or a region of a country) and its summary; {@code pooled} for a rate. */
    public record Group(String country, String region, Summary summary, BigDecimal pooled) {}

    /** Where the funnel's limits are at one denominator, as proportions 0 to 1. */
    public record FunnelPoint(double denominator, double lower95, double upper95, double lower998, double upper998) {}

    /** A rate's funnel plot: the network's pooled proportion (0 to 1) and its limits along the denominators. */
    public record Funnel(double pooled, List<FunnelPoint> limits) {}

    /**
     * A benchmark.
     *
     * @param banks ranked, best first
     * @param funnel for a rate, empty otherwise
     * @param differing the parameters (keys) whose values differ between the compared banks, with the profile
     *     ({@code profile}) and gestational-age bands ({@code gestationalAgeCutOffs}): the numbers are not like for
     *     like when this is not empty
     */
    public record Benchmark(
            String indicator,
            IndicatorDefinition definition,
            YearMonth from,
            YearMonth to,
            String country,
            String region,
            List<BankFigure> banks,
            Summary summary,
            Optional<Funnel> funnel,
            List<Group> byCountry,
            List<Group> byRegion,
            List<String> differing) {}

    /** The dictionary's definition of an indicator, refused as not found when the code is none of it. */
    public IndicatorDefinition definition(String code) {
        return indicators.dictionary().stream()
                .filter(d -> d.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new NotFound("network.benchmarks.indicator.notFound", String.valueOf(code)));
    }

    /** The indicators of the data dictionary, in its order. */
    public List<IndicatorDefinition> dictionary() {
        return indicators.dictionary();
    }

    /** The countries of the enrolled banks, each with its regions, sorted. */
    public Map<String, List<String>> places() {
        Map<String, java.util.Set<String>> places = new TreeMap<>();
        jdbc.sql("select country, region from network_bank").query(rs -> {
            java.util.Set<String> regions = places.computeIfAbsent(rs.getString("country"), c -> new TreeSet<>());
            if (rs.getString("region") != null) {
                regions.add(rs.getString("region"));
            }
        });
        Map<String, List<String>> out = new LinkedHashMap<>();
        places.forEach((c, r) -> out.put(c, List.copyOf(r)));
        return out;
    }

    /** The latest month any bank reported figures for, if any. */
    public Optional<YearMonth> latestMonth() {
        return jdbc.sql("select max(month) from network_indicator")
                .query(java.sql.Date.class)
                .optional()
                .map(d -> YearMonth.from(d.toLocalDate()));
    }

    public Benchmark benchmark(Query query) {
        return benchmark(query, true);
    }

    /** The benchmark, with the compared banks' differing definitions only when {@code definitions} is asked. */
    private Benchmark benchmark(Query query, boolean definitions) {
        IndicatorDefinition definition = definition(query.indicator());
        List<Raw> all = raw(definition, query.from(), query.month());
        List<Raw> compared = all.stream()
                .filter(r -> query.country() == null || query.country().equals(r.country()))
                .filter(r -> query.region() == null || query.region().equals(r.region()))
                .toList();
        boolean higher = definition.better() != IndicatorDefinition.Better.LOWER;
        double[] values = compared.stream().mapToDouble(Raw::sortValue).toArray();
        int[] ranks = BenchmarkStatistics.ranks(values, higher);
        double[] percentiles = BenchmarkStatistics.percentiles(values, higher);
        Optional<Funnel> funnel = Optional.empty();
        BenchmarkStatistics.Limits[] l95 = new BenchmarkStatistics.Limits[compared.size()];
        BenchmarkStatistics.Limits[] l998 = new BenchmarkStatistics.Limits[compared.size()];
        if (definition.rate() && !compared.isEmpty()) {
            double pooled = pooled(compared);
            for (int i = 0; i < compared.size(); i++) {
                double n = compared.get(i).denominator().doubleValue();
                l95[i] = BenchmarkStatistics.limits(pooled, n, BenchmarkStatistics.Z95);
                l998[i] = BenchmarkStatistics.limits(pooled, n, BenchmarkStatistics.Z998);
            }
            double smallest = compared.stream()
                    .mapToDouble(r -> r.denominator().doubleValue())
                    .min()
                    .orElse(1);
            double largest = compared.stream()
                    .mapToDouble(r -> r.denominator().doubleValue())
                    .max()
                    .orElse(2);
            List<FunnelPoint> points = BenchmarkStatistics.funnelSteps(smallest, largest, 40).stream()
                    .map(n -> {
                        var a = BenchmarkStatistics.limits(pooled, n, BenchmarkStatistics.Z95);
                        var b = BenchmarkStatistics.limits(pooled, n, BenchmarkStatistics.Z998);
                        return new FunnelPoint(n, a.lower(), a.upper(), b.lower(), b.upper());
                    })
                    .toList();
            funnel = Optional.of(new Funnel(pooled, points));
        }
        List<BankFigure> banks = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            Raw r = compared.get(i);
            double proportion = definition.rate()
                    ? r.numerator().doubleValue() / r.denominator().doubleValue()
                    : 0;
            banks.add(new BankFigure(
                    r.facilityCode(),
                    r.country(),
                    r.region(),
                    r.named(),
                    r.value(),
                    r.numerator(),
                    r.denominator(),
                    r.months(),
                    ranks[i],
                    Math.round(percentiles[i] * 10) / 10.0,
                    definition.rate() && l95[i].outside(proportion),
                    definition.rate() && l998[i].outside(proportion)));
        }
        banks.sort(Comparator.comparingInt(BankFigure::rank).thenComparing(BankFigure::facilityCode));
        return new Benchmark(
                definition.code(),
                definition,
                query.from(),
                query.month(),
                query.country(),
                query.region(),
                List.copyOf(banks),
                summary(compared),
                funnel,
                groups(all, definition, false),
                groups(all, definition, true),
                definitions
                        ? differing(compared.stream().map(Raw::facilityCode).toList(), query.from(), query.month())
                        : List.of());
    }

    /**
     * Per indicator that has a better way, the best bank of the month (the lowest facility code among equals), in the
     * dictionary's order; an indicator no bank reported is left out.
     */
    public List<Leader> leaders(YearMonth month) {
        List<Leader> leaders = new ArrayList<>();
        for (IndicatorDefinition d : indicators.dictionary()) {
            if (d.better() == IndicatorDefinition.Better.NEITHER) {
                continue;
            }
            Benchmark b = benchmark(new Query(d.code(), month, 1, null, null), false);
            if (!b.banks().isEmpty()) {
                BankFigure best = b.banks().get(0);
                int tied = (int)
                        b.banks().stream().filter(f -> f.rank() == best.rank()).count();
                leaders.add(new Leader(
                        d.code(),
                        d.better(),
                        best.facilityCode(),
                        best.value(),
                        b.banks().size(),
                        tied));
            }
        }
        return leaders;
    }

    /** The best bank of the month on one indicator, among {@code banks} that reported it. */
    public record Leader(
            String indicator,
            IndicatorDefinition.Better better,
            String facilityCode,
            BigDecimal value,
            int banks,
            int tied) {

        /** Whether other banks share the best value (the bank named is then the first of them by facility code). */
        public boolean shared() {
            return tied > 1;
        }
    }

    /**
     * What one bank may see of a benchmark of a month: its own figure and its peers', each peer named only when it
     * agreed to be ({@code network_bank.named}), otherwise by a number that stays the same for the month and cannot
     * be told from facility codes (the order of the hub's signatures over the month and the code).
     */
    public BankView forBank(String facilityCode, String indicator, YearMonth month) {
        Benchmark b = benchmark(new Query(indicator, month, 1, null, null));
        Map<String, Integer> numbers =
                peerNumbers(b.banks().stream().map(BankFigure::facilityCode).toList(), month);
        Optional<BankFigure> self = b.banks().stream()
                .filter(f -> f.facilityCode().equals(facilityCode))
                .findFirst();
        List<Peer> peers = b.banks().stream()
                .filter(f -> !f.facilityCode().equals(facilityCode))
                .map(f -> new Peer(
                        f.named() ? f.facilityCode() : null,
                        f.named() ? null : numbers.get(f.facilityCode()),
                        f.named() ? f.country() : null,
                        f.value(),
                        f.denominator(),
                        f.rank(),
                        f.percentile(),
                        f.outside95(),
                        f.outside998()))
                .toList();
        return new BankView(
                b.indicator(), month, self, peers, b.summary(), b.funnel().map(Funnel::pooled), b.differing());
    }

    /**
     * A peer as a bank sees it: {@code name} (its facility code) and {@code country} only when it agreed to be named,
     * else {@code number} ("Bank 3").
     */
    public record Peer(
            String name,
            Integer number,
            String country,
            BigDecimal value,
            BigDecimal denominator,
            int rank,
            double percentile,
            boolean outside95,
            boolean outside998) {}

    /** A bank's view of a month's benchmark: itself (empty when it reported no figure) and its peers. */
    public record BankView(
            String indicator,
            YearMonth month,
            Optional<BankFigure> self,
            List<Peer> peers,
            Summary summary,
            Optional<Double> pooled,
            List<String> differing) {}

    private Map<String, Integer> peerNumbers(List<String> codes, YearMonth month) {
        List<String> order = codes.stream()
                .sorted(Comparator.comparing((String c) -> key.sign(
                                Batch.of("peer", 1, Instant.EPOCH, "benchmark-peer\n" + month + "\n" + c))
                        .signature()))
                .toList();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            numbers.put(order.get(i), i + 1);
        }
        return numbers;
    }

    /** One bank's sums over the period. */
    private record Raw(
            String facilityCode,
            String country,
            String region,
            boolean named,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            int months) {

        double sortValue() {
            return value.doubleValue();
        }
    }

    private List<Raw> raw(IndicatorDefinition d, YearMonth from, YearMonth to) {
        String outOf = d.outOf() == null ? d.code() : d.outOf();
        List<Raw> rows = new ArrayList<>();
        jdbc.sql("""
                        select b.facility_code, b.country, b.region, b.named,
                               count(i.value) filter (where i.code = :code) as months,
                               sum(i.value) filter (where i.code = :code) as value_sum,
                               sum(i.numerator) filter (where i.code = :code and i.value is not null) as numerator,
                               sum(i.denominator) filter (where i.code = :code and i.value is not null) as denominator,
                               sum(i.value) filter (where i.code = :outOf) as out_of
                        from network_indicator i
                        join network_bank b on b.facility_code = i.facility_code
                        where i.code in (:code, :outOf) and i.breakdown = '' and i.month >= :from and i.month <= :to
                        group by b.facility_code, b.country, b.region, b.named
                        """)
                .param("code", d.code())
                .param("outOf", outOf)
                .param("from", java.sql.Date.valueOf(from.atDay(1)))
                .param("to", java.sql.Date.valueOf(to.atDay(1)))
                .query(rs -> {
                    int months = rs.getInt("months");
                    BigDecimal sum = rs.getBigDecimal("value_sum");
                    BigDecimal n = rs.getBigDecimal("numerator");
                    BigDecimal den = rs.getBigDecimal("denominator");
                    BigDecimal outOfSum = rs.getBigDecimal("out_of");
                    BigDecimal value;
                    if (months == 0 || sum == null) {
                        return;
                    }
                    if (d.outOf() != null) {
                        if (outOfSum == null || outOfSum.signum() <= 0) {
                            return;
                        }
                        n = sum;
                        den = outOfSum;
                        value = percent(n, den);
                    } else if (d.unit() == IndicatorUnit.PERCENT) {
                        if (den == null || den.signum() <= 0) {
                            return;
                        }
                        value = percent(n, den);
                    } else if (d.ratio()) {
                        if (den == null || den.signum() <= 0) {
                            return;
                        }
                        value = n.divide(den, 3, RoundingMode.HALF_UP);
                    } else {
                        value = sum.divide(BigDecimal.valueOf(months), 3, RoundingMode.HALF_UP);
                        n = null;
                        den = null;
                    }
                    rows.add(new Raw(
                            rs.getString("facility_code"),
                            rs.getString("country"),
                            rs.getString("region"),
                            rs.getBoolean("named"),
                            value.stripTrailingZeros(),
                            n == null ? null : n.stripTrailingZeros(),
                            den == null ? null : den.stripTrailingZeros(),
                            months));
                });
        return rows;
    }

    private static BigDecimal percent(BigDecimal n, BigDecimal d) {
        return n.multiply(BigDecimal.valueOf(100)).divide(d, 2, RoundingMode.HALF_UP);
    }

    private static double pooled(List<Raw> rows) {
        double n = rows.stream().mapToDouble(r -> r.numerator().doubleValue()).sum();
        double d = rows.stream().mapToDouble(r -> r.denominator().doubleValue()).sum();
        return d <= 0 ? 0 : n / d;
    }

    private static Summary summary(List<Raw> rows) {
        if (rows.isEmpty()) {
            return new Summary(0, null, null, null);
        }
        double[] v = rows.stream().mapToDouble(Raw::sortValue).toArray();
        return new Summary(
                rows.size(),
                decimal(BenchmarkStatistics.quantile(v, 0.25)),
                decimal(BenchmarkStatistics.quantile(v, 0.5)),
                decimal(BenchmarkStatistics.quantile(v, 0.75)));
    }

    private static BigDecimal decimal(double d) {
        return BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static List<Group> groups(List<Raw> rows, IndicatorDefinition d, boolean byRegion) {
        Map<List<String>, List<Raw>> grouped = rows.stream()
                .collect(Collectors.groupingBy(
                        r -> byRegion
                                ? java.util.Arrays.asList(r.country(), r.region())
                                : java.util.Arrays.asList(r.country(), null),
                        () -> new TreeMap<List<String>, List<Raw>>(Comparator.comparing(
                                        (List<String> k) -> k.get(0), Comparator.nullsFirst(Comparator.naturalOrder()))
                                .thenComparing(k -> k.get(1), Comparator.nullsFirst(Comparator.naturalOrder()))),
                        Collectors.toList()));
        return grouped.entrySet().stream()
                .map(e -> new Group(
                        e.getKey().get(0),
                        e.getKey().get(1),
                        summary(e.getValue()),
                        d.rate() ? decimal(100 * pooled(e.getValue())) : null))
                .toList();
    }

    /** The definitions keys that differ between the banks' latest definitions within the months. */
    private List<String> differing(List<String> banks, YearMonth from, YearMonth to) {
        if (banks.size() < 2) {
            return List.of();
        }
        Map<String, Map<String, String>> each = latestDefinitions(from, to);
        each.keySet().retainAll(banks);
        return differingKeys(each);
    }

    /** The keys whose values are not the same for every bank (a key a bank lacks counts as differing). */
    static List<String> differingKeys(Map<String, Map<String, String>> byBank) {
        if (byBank.size() < 2) {
            return List.of();
        }
        TreeSet<String> keys = new TreeSet<>();
        byBank.values().forEach(m -> keys.addAll(m.keySet()));
        List<String> differ = new ArrayList<>();
        for (String k : keys) {
            long distinct = byBank.values().stream()
                    .map(m -> Optional.ofNullable(m.get(k)))
                    .distinct()
                    .count();
            if (distinct > 1) {
                differ.add(k);
            }
        }
        return differ;
    }

    /**
     * Each bank's latest definitions within the months (up to {@code to}, from {@code from} on), flattened: the
     * profile ({@code profile}), the gestational-age bands ({@code gestationalAgeCutOffs}) and each parameter by key.
     */
    Map<String, Map<String, String>> latestDefinitions(YearMonth from, YearMonth to) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        jdbc.sql("""
                        select distinct on (facility_code) facility_code, definitions::text as definitions
                        from network_bank_definition where month >= ? and month <= ?
                        order by facility_code, month desc
                        """)
                .params(java.sql.Date.valueOf(from.atDay(1)), java.sql.Date.valueOf(to.atDay(1)))
                .query(rs -> {
                    out.put(rs.getString("facility_code"), flatten(json.readTree(rs.getString("definitions"))));
                });
        return out;
    }

    private static Map<String, String> flatten(JsonNode d) {
        Map<String, String> flat = new TreeMap<>();
        if (d.has("profile")) {
            flat.put("profile", d.path("profile").asText());
        }
        if (d.has("gestationalAgeCutOffs")) {
            flat.put("gestationalAgeCutOffs", d.path("gestationalAgeCutOffs").toString());
        }
        d.path("parameters")
                .properties()
                .forEach(e -> flat.put(e.getKey(), e.getValue().asText()));
        return flat;
    }

    /**
     * The shared data dictionary's comparison of the banks' definitions: for each key (the profile, the
     * gestational-age bands, each parameter that shapes a definition) each bank's value, and whether they differ.
     */
    public DefinitionsTable definitions(YearMonth month, String country) {
        Map<String, Map<String, String>> each = latestDefinitions(month.minusMonths(11), month);
        if (!blank(country)) {
            List<String> in = jdbc.sql("select facility_code from network_bank where country = ?")
                    .param(country.strip())
                    .query(String.class)
                    .list();
            each.keySet().retainAll(in);
        }
        TreeSet<String> keys =
                new TreeSet<>(Comparator.comparing((String k) -> order(k)).thenComparing(k -> k));
        each.values().forEach(m -> keys.addAll(m.keySet()));
        List<String> differ = differingKeys(each);
        List<DefinitionRow> rows = keys.stream()
                .map(k -> new DefinitionRow(
                        k,
                        each.keySet().stream()
                                .map(b -> Objects.requireNonNullElse(each.get(b).get(k), ""))
                                .toList(),
                        each.values().stream()
                                .map(m -> Objects.requireNonNullElse(m.get(k), ""))
                                .collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting())),
                        differ.contains(k)))
                .toList();
        return new DefinitionsTable(month, List.copyOf(each.keySet()), rows);
    }

    private static int order(String key) {
        return switch (key) {
            case "profile" -> 0;
            case "orders.criteria.below-weeks" -> 1;
            case "gestationalAgeCutOffs" -> 2;
            default -> 3;
        };
    }

    /** The banks (facility codes, in order) and one row per definition key with each bank's value in that order. */
    public record DefinitionsTable(YearMonth month, List<String> banks, List<DefinitionRow> rows) {}

    /**
     * A definition key, each bank's value ({@code ""} when it sent none), how many banks hold each value and whether
     * the banks differ.
     */
    public record DefinitionRow(String key, List<String> values, Map<String, Long> counts, boolean differs) {}

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
