package org.openmilkbank.reporting.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openmilkbank.reporting.indicators.IndicatorDefinition.Better;
import org.openmilkbank.shared.DatabaseZone;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data dictionary's indicators by read-only SQL ({@link IndicatorFacts}); days and months are the bank's (the
 * clock's zone). A period, or every month of a range, is one query.
 */
@Service
@Transactional(readOnly = true)
class Indicators implements IndicatorSource {

    static final String VOLUME_RECEIVED = "VOLUME_RECEIVED";
    static final String VOLUME_PASTEURISED = "VOLUME_PASTEURISED";
    static final String VOLUME_DISPENSED = "VOLUME_DISPENSED";
    static final String DONORS_ACTIVE = "DONORS_ACTIVE";
    static final String DONORS_NEW = "DONORS_NEW";
    static final String VOLUME_PER_DONOR = "VOLUME_PER_DONOR";
    static final String RECIPIENTS = "RECIPIENTS";
    static final String POOLS = "POOLS";
    static final String RUNS = "RUNS";
    static final String FAILED_CYCLES = "FAILED_CYCLES";
    static final String DISCARDED_VOLUME = "DISCARDED_VOLUME";
    static final String DISCARDED_UNITS = "DISCARDED_UNITS";
    static final String PRE_CULTURE_POSITIVE_RATE = "PRE_CULTURE_POSITIVE_RATE";
    static final String POST_CULTURE_POSITIVE_RATE = "POST_CULTURE_POSITIVE_RATE";
    static final String MEAN_ENERGY = "MEAN_ENERGY";
    static final String MEAN_PROTEIN = "MEAN_PROTEIN";
    static final String STOCK_ON_HAND = "STOCK_ON_HAND";
    static final String DAYS_OF_SUPPLY = "DAYS_OF_SUPPLY";
    static final String NEAR_MISSES = "NEAR_MISSES";

    static final List<String> DISPENSED_TO = List.of("NICU", "OUTPATIENT");
    static final List<String> GESTATIONAL_AGE_BANDS = List.of("GA_LT_28", "GA_28_31", "GA_32_36", "GA_GE_37");
    /** The weeks the bands after the first start at, as {@link IndicatorFacts} cuts them. */
    static final List<Integer> GESTATIONAL_AGE_CUT_OFFS = List.of(28, 32, 37);

    static final List<String> DISCARD_CAUSES = List.of(
            "SENSORY",
            "DORNIC",
            "PRE_CULTURE",
            "POST_CULTURE",
            "EXPIRY",
            "COLD_CHAIN",
            "EXCURSION",
            "DONOR_BLOCK",
            "RECALL",
            "FAILED_CYCLE",
            "OTHER");
    /** The bedside check's refusals (ward.BedsideRefusal), each a near miss's reason; a test keeps them the same. */
    static final List<String> NEAR_MISS_REASONS = List.of(
            "WRONG_BABY",
            "NO_ORDER",
            "NOT_ISSUED",
            "NO_CONSENT",
            "NOT_THAWED",
            "EXPIRED",
            "THAW_CLOCK_OVER",
            "HELD",
            "RECALLED",
            "ALREADY_FED",
            "DIVIDED",
            "GATE_REFUSED");

    /** The longest period one table covers: ten years of days. */
    static final int MAX_DAYS = 3660;

    /** How an indicator is counted from its fact's rows. */
    private enum How {
        /** the sum of the rows' mL, shown in litres */
        LITRES,
        /** the units counted */
        UNITS,
        /** the sum of n over the sum of d, in percent */
        PERCENT,
        /** the sum of n over the sum of d */
        MEAN,
        /** the volume per unit: litres over the units counted */
        LITRES_PER_UNIT,
        /** the stock's litres over the mean litres dispensed per day */
        DAYS_OF_SUPPLY
    }

    private record Spec(IndicatorDefinition definition, String fact, How how, int scale) {}

    private static final List<Spec> SPECS = List.of(
            spec(VOLUME_RECEIVED, IndicatorUnit.LITRES, "RECEIVED", How.LITRES, 3, List.of(), null, Better.HIGHER),
            spec(
                    VOLUME_PASTEURISED,
                    IndicatorUnit.LITRES,
                    "PASTEURISED",
                    How.LITRES,
                    3,
                    List.of(),
                    null,
                    Better.HIGHER),
            spec(VOLUME_DISPENSED, IndicatorUnit.LITRES, "DISPENSED", How.LITRES, 3, DISPENSED_TO, null, Better.HIGHER),
            spec(DONORS_ACTIVE, IndicatorUnit.COUNT, "DONOR_VOLUME", How.UNITS, 0, List.of(), null, Better.HIGHER),
            spec(DONORS_NEW, IndicatorUnit.COUNT, "DONOR_NEW", How.UNITS, 0, List.of(), null, Better.HIGHER),
            spec(
                    VOLUME_PER_DONOR,
                    IndicatorUnit.LITRES,
                    "DONOR_VOLUME",
                    How.LITRES_PER_UNIT,
                    3,
                    List.of(),
                    null,
                    Better.HIGHER),
            spec(
                    RECIPIENTS,
                    IndicatorUnit.COUNT,
                    "RECIPIENTS",
                    How.UNITS,
                    0,
                    GESTATIONAL_AGE_BANDS,
                    null,
                    Better.HIGHER),
            spec(POOLS, IndicatorUnit.COUNT, "POOLS", How.UNITS, 0, List.of(), null, Better.NEITHER),
            spec(RUNS, IndicatorUnit.COUNT, "RUNS", How.UNITS, 0, List.of(), null, Better.NEITHER),
            spec(FAILED_CYCLES, IndicatorUnit.COUNT, "FAILED_CYCLES", How.UNITS, 0, List.of(), RUNS, Better.LOWER),
            spec(
                    DISCARDED_VOLUME,
                    IndicatorUnit.LITRES,
                    "DISCARDS",
                    How.LITRES,
                    3,
                    DISCARD_CAUSES,
                    VOLUME_RECEIVED,
                    Better.LOWER),
            spec(DISCARDED_UNITS, IndicatorUnit.COUNT, "DISCARDS", How.UNITS, 0, DISCARD_CAUSES, null, Better.LOWER),
            spec(
                    PRE_CULTURE_POSITIVE_RATE,
                    IndicatorUnit.PERCENT,
                    "PRE_CULTURE",
                    How.PERCENT,
                    1,
                    List.of(),
                    null,
                    Better.LOWER),
            spec(
                    POST_CULTURE_POSITIVE_RATE,
                    IndicatorUnit.PERCENT,
                    "POST_CULTURE",
                    How.PERCENT,
                    1,
                    List.of(),
                    null,
                    Better.LOWER),
            spec(MEAN_ENERGY, IndicatorUnit.KCAL_PER_LITRE, "ENERGY", How.MEAN, 0, List.of(), null, Better.NEITHER),
            spec(
                    MEAN_PROTEIN,
                    IndicatorUnit.GRAMS_PER_DECILITRE,
                    "PROTEIN",
                    How.MEAN,
                    2,
                    List.of(),
                    null,
                    Better.NEITHER),
            spec(STOCK_ON_HAND, IndicatorUnit.LITRES, "STOCK", How.LITRES, 3, List.of(), null, Better.NEITHER),
            spec(DAYS_OF_SUPPLY, IndicatorUnit.DAYS, "STOCK", How.DAYS_OF_SUPPLY, 1, List.of(), null, Better.NEITHER),
            spec(NEAR_MISSES, IndicatorUnit.COUNT, "NEAR_MISSES", How.UNITS, 0, NEAR_MISS_REASONS, null, Better.LOWER));

    private static final List<IndicatorDefinition> DICTIONARY =
            SPECS.stream().map(Spec::definition).toList();
    private static final Map<String, Spec> BY_CODE =
            SPECS.stream().collect(Collectors.toMap(s -> s.definition().code(), s -> s));

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final Clock clock;

    Indicators(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static Spec spec(
            String code,
            IndicatorUnit unit,
            String fact,
            How how,
            int scale,
            List<String> breakdowns,
            String outOf,
            Better better) {
        boolean ratio = switch (how) {
            case PERCENT, MEAN, LITRES_PER_UNIT, DAYS_OF_SUPPLY -> true;
            default -> false;
        };
        return new Spec(new IndicatorDefinition(code, unit, ratio, breakdowns, outOf, better), fact, how, scale);
    }

    @Override
    public List<IndicatorDefinition> dictionary() {
        return DICTIONARY;
    }

    @Override
    public BankDefinitions definitions() {
        String profile = jdbc.sql("select profile_code from standards_profile_in_force_v")
                .query(String.class)
                .optional()
                .orElse("");
        Map<String, String> all = new java.util.TreeMap<>();
        jdbc.sql("select key, value from standards_parameter_v where profile_code = ?")
                .param(profile)
                .query(rs -> {
                    all.put(rs.getString("key"), rs.getString("value"));
                });
        Map<String, String> shaping = new java.util.LinkedHashMap<>();
        for (String key : BankDefinitions.SHAPING) {
            if (all.get(key) != null) {
                shaping.put(key, all.get(key));
            }
        }
        StringBuilder text = new StringBuilder(profile);
        all.forEach((k, v) -> text.append('\n').append(k).append('=').append(v));
        String version;
        try {
            version = java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        return new BankDefinitions(profile, version, shaping, GESTATIONAL_AGE_CUT_OFFS);
    }

    @Override
    public IndicatorTable compute(LocalDate from, LocalDate to) {
        check(from, to);
        return tables(List.of(new Period(from, to))).get(0);
    }

    @Override
    public List<IndicatorTable> byMonth(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw new RuleViolation("reporting.indicators.period.order").on("to");
        }
        List<Period> periods = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            periods.add(new Period(m.atDay(1), m.atEndOfMonth()));
        }
        check(periods.get(0).from(), periods.get(periods.size() - 1).to());
        return tables(periods);
    }

    @Override
    public Paged<UnitBehind> unitsBehind(
            String code, String breakdown, LocalDate from, LocalDate to, PageRequest page) {
        Spec spec = BY_CODE.get(code);
        String part = breakdown == null || breakdown.isBlank() ? null : breakdown;
        if (spec == null || (part != null && !spec.definition().breakdowns().contains(part))) {
            throw new NotFound("reporting.indicator.notFound", code);
        }
        check(from, to);
        Period period = new Period(from, to);
        List<Row> rows = bind(jdbc.sql(IndicatorFacts.UNITS), List.of(period))
                .param("fact", spec.fact())
                .param("breakdown", part)
                .param("counted", spec.how() == How.UNITS)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new Row(
                        unit(
                                rs.getString("kind"),
                                rs.getObject("unit_id", UUID.class),
                                rs.getString("label"),
                                rs.getTimestamp("on_at"),
                                rs.getBigDecimal("amount"),
                                period),
                        rs.getLong("total")))
                .list();
        return Paged.of(
                rows.stream().map(Row::unit).toList(),
                page,
                rows.isEmpty() ? 0 : rows.get(0).total());
    }

    private record Row(UnitBehind unit, long total) {}

    private UnitBehind unit(String kind, UUID id, String label, Timestamp on, BigDecimal amount, Period period) {
        UnitBehind.Kind k = UnitBehind.Kind.valueOf(kind);
        LocalDate day = on == null
                ? period.to()
                : on.toInstant().atZone(clock.getZone()).toLocalDate();
        String shown = label;
        String link;
        switch (k) {
            case CONTAINER -> {
                shown = Din.parse(label).withCheck();
                link = "/containers/" + Din.parse(label).value();
            }
            case BOTTLE -> {
                shown = Din.parse(label).withCheck();
                link = "/bottles/" + Din.parse(label).value();
            }
            case POOL -> {
                shown = Din.parse(label).withCheck();
                link = "/pools/" + id;
            }
            case RUN -> link = "/runs/" + id;
            case DONOR -> link = "/donors/" + id;
            case INFANT -> link = "/infants/" + id;
            case NEAR_MISS -> link = "/ward/near-misses?from=" + day + "&to=" + day;
            default -> link = null;
        }
        return new UnitBehind(k, shown, link, day, amount.stripTrailingZeros().max(BigDecimal.ZERO));
    }

    /** One period: its days, both included. */
    private record Period(LocalDate from, LocalDate to) {}

    private void check(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new RuleViolation("reporting.indicators.period.missing").on(from == null ? "from" : "to");
        }
        if (to.isBefore(from)) {
            throw new RuleViolation("reporting.indicators.period.order").on("to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new RuleViolation("reporting.indicators.period.tooLong", MAX_DAYS).on("to");
        }
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, List<Period> periods) {
        return sql.param(
                        "starts",
                        array(periods.stream().map(p -> start(p.from())).toList()))
                .param(
                        "ends",
                        array(periods.stream()
                                .map(p -> start(p.to().plusDays(1)))
                                .toList()))
                .param(
                        "firsts",
                        array(periods.stream().map(p -> p.from().toString()).toList()))
                .param(
                        "lasts",
                        array(periods.stream().map(p -> p.to().toString()).toList()))
                .param(
                        "min",
                        Timestamp.from(periods.get(0)
                                .from()
                                .atStartOfDay(clock.getZone())
                                .toInstant()))
                .param(
                        "max",
                        Timestamp.from(periods.get(periods.size() - 1)
                                .to()
                                .plusDays(1)
                                .atStartOfDay(clock.getZone())
                                .toInstant()))
                .param("zone", DatabaseZone.of(clock.getZone()));
    }

    private String start(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant().toString();
    }

    private static String array(List<String> items) {
        return "{" + String.join(",", items) + "}";
    }

    /** What one fact sums to in one period, for a breakdown or the total ({@code null}). */
    private record Sum(BigDecimal n, BigDecimal d, long units) {
        static final Sum NONE = new Sum(BigDecimal.ZERO, BigDecimal.ZERO, 0);
    }

    private record Key(String fact, String breakdown, LocalDate day) {}

    private List<IndicatorTable> tables(List<Period> periods) {
        Map<Key, Sum> sums = new HashMap<>();
        bind(jdbc.sql(IndicatorFacts.SUMS), periods).query(rs -> {
            String breakdown = rs.getInt("total") == 1 ? null : rs.getString("breakdown");
            sums.put(
                    new Key(rs.getString("fact"), breakdown, rs.getObject("day", LocalDate.class)),
                    new Sum(rs.getBigDecimal("n"), rs.getBigDecimal("d"), rs.getLong("units")));
        });
        List<IndicatorTable> tables = new ArrayList<>();
        for (Period p : periods) {
            long days = ChronoUnit.DAYS.between(p.from(), p.to()) + 1;
            List<IndicatorValue> values = new ArrayList<>();
            for (Spec spec : SPECS) {
                List<String> parts = new ArrayList<>();
                parts.add(null);
                parts.addAll(spec.definition().breakdowns());
                for (String part : parts) {
                    Sum sum = sums.getOrDefault(new Key(spec.fact(), part, p.from()), Sum.NONE);
                    Sum dispensed = sums.getOrDefault(new Key("DISPENSED", null, p.from()), Sum.NONE);
                    values.add(value(spec, part, sum, dispensed, days));
                }
            }
            tables.add(new IndicatorTable(p.from(), p.to(), values));
        }
        return tables;
    }

    private static IndicatorValue value(Spec spec, String part, Sum sum, Sum dispensed, long days) {
        String code = spec.definition().code();
        return switch (spec.how()) {
            case LITRES -> {
                BigDecimal litres = litres(sum.n());
                yield new IndicatorValue(code, part, litres, litres, null);
            }
            case UNITS -> {
                BigDecimal count = BigDecimal.valueOf(sum.units());
                yield new IndicatorValue(code, part, count, count, null);
            }
            case PERCENT -> ratio(code, part, sum.n().multiply(HUNDRED), sum.d(), spec.scale(), sum.n());
            case MEAN -> ratio(code, part, sum.n(), sum.d(), spec.scale(), sum.n());
            case LITRES_PER_UNIT -> {
                BigDecimal litres = litres(sum.n());
                yield ratio(code, part, litres, BigDecimal.valueOf(sum.units()), spec.scale(), litres);
            }
            case DAYS_OF_SUPPLY -> {
                BigDecimal stock = litres(sum.n());
                BigDecimal perDay = litres(dispensed.n()).divide(BigDecimal.valueOf(days), 3, RoundingMode.HALF_UP);
                yield ratio(code, part, stock, perDay, spec.scale(), stock);
            }
        };
    }

    private static IndicatorValue ratio(
            String code, String part, BigDecimal top, BigDecimal bottom, int scale, BigDecimal numerator) {
        BigDecimal value = bottom.signum() == 0 ? null : top.divide(bottom, scale, RoundingMode.HALF_UP);
        return new IndicatorValue(code, part, value, numerator.stripTrailingZeros(), bottom.stripTrailingZeros());
    }

    private static BigDecimal litres(BigDecimal ml) {
        return ml.divide(THOUSAND, 3, RoundingMode.HALF_UP);
    }

    /** The query plan of one period's sums, with its timings (for the benchmark). */
    List<String> explain(LocalDate from, LocalDate to) {
        return bind(jdbc.sql("explain (analyze, buffers off) " + IndicatorFacts.SUMS), List.of(new Period(from, to)))
                .query(String.class)
                .list();
    }

    /** The definition of one code, or {@code null}. */
    static IndicatorDefinition definition(String code) {
        Spec spec = BY_CODE.get(Objects.requireNonNull(code));
        return spec == null ? null : spec.definition();
    }
}
