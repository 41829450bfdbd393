package org.openmilkbank.network;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.Said;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hub's supply and demand forecasts of every bank and who is short of milk. A bank is short when the fewest days
 * of supply from now through the next {@code openmilkbank.network.shortage.horizon-months} forecast months (default 1)
 * fall below {@code openmilkbank.network.shortage.days} (default 7), or when it declared a shortage itself; each
 * change (becoming short, recovering) is published to every bank as a hub message {@code shortage} or
 * {@code shortage-ended} in the transaction of the decision, and only a change is.
 */
@Service
public class Forecasts {

    static final String SHORTAGE = "shortage";
    static final String SHORTAGE_ENDED = "shortage-ended";

    private final JdbcClient jdbc;
    private final IndicatorHistory indicators;
    private final HubMessages messages;
    private final History history;
    private final Clock clock;
    private final BigDecimal thresholdDays;
    private final int horizonMonths;

    Forecasts(
            JdbcClient jdbc,
            IndicatorHistory indicators,
            HubMessages messages,
            History history,
            Clock clock,
            @Value("${openmilkbank.network.shortage.days:7}") BigDecimal thresholdDays,
            @Value("${openmilkbank.network.shortage.horizon-months:1}") int horizonMonths) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.messages = messages;
        this.history = history;
        this.clock = clock;
        this.thresholdDays = thresholdDays;
        this.horizonMonths = Math.max(0, Math.min(SeasonalForecast.HORIZON, horizonMonths));
    }

    /** The network's threshold: a bank with fewer days of supply than this is short. */
    public BigDecimal thresholdDays() {
        return thresholdDays;
    }

    /** How many forecast months the shortage rule looks at besides now. */
    public int horizonMonths() {
        return horizonMonths;
    }

    private record Bank(UUID id, String code, String country, String region) {}

    private List<Bank> banks() {
        return jdbc.sql("select id, facility_code, country, region from network_bank order by facility_code")
                .query((rs, n) -> new Bank(
                        rs.getObject("id", UUID.class),
                        rs.getString("facility_code"),
                        rs.getString("country"),
                        rs.getString("region")))
                .list();
    }

    private Bank bank(String code) {
        return jdbc.sql("select id, facility_code, country, region from network_bank where facility_code = ?")
                .param(code)
                .query((rs, n) -> new Bank(
                        rs.getObject("id", UUID.class),
                        rs.getString("facility_code"),
                        rs.getString("country"),
                        rs.getString("region")))
                .optional()
                .orElseThrow(() -> new NotFound("network.bank.notFound", code));
    }

    /** The banks whose seasons may be pooled for a bank too new for its own, with their months. */
    private record Pool(List<Bank> banks, Map<String, List<MonthFigures>> months) {}

    /**
     * The pool read once, when first needed: a bank with two years of its own never needs it, and a review of many
     * banks reads it once for all of them.
     */
    private Supplier<Pool> pool() {
        return new Supplier<>() {
            private Pool pool;

            @Override
            public Pool get() {
                if (pool == null) {
                    Map<String, List<MonthFigures>> months = indicators.withAtLeast(SeasonalIndices.MIN_MONTHS);
                    pool = new Pool(
                            banks().stream()
                                    .filter(b -> months.containsKey(b.code()))
                                    .toList(),
                            months);
                }
                return pool;
            }
        };
    }

    /** One bank's forecast; {@link NotFound} when no such bank is registered. */
    @Transactional(readOnly = true)
    public Forecast forecast(String facilityCode) {
        Bank bank = bank(facilityCode);
        return forecast(bank, indicators.of(bank.code()), pool());
    }

    /** Every registered bank's forecast, by facility code. */
    @Transactional(readOnly = true)
    public List<Forecast> all() {
        List<Bank> banks = banks();
        Map<String, List<MonthFigures>> all = indicators.all();
        Pool pool = new Pool(banks, all);
        return banks.stream()
                .map(b -> forecast(b, all.getOrDefault(b.code(), List.of()), () -> pool))
                .toList();
    }

    private Forecast forecast(Bank bank, List<MonthFigures> own, Supplier<Pool> pool) {
        SeasonalSource source;
        Optional<SeasonalIndices> indices = SeasonalIndices.of(own);
        if (indices.isPresent()) {
            source = SeasonalSource.OWN;
        } else {
            indices = pooled(pool.get(), bank.country());
            if (indices.isPresent()) {
                source = SeasonalSource.COUNTRY;
            } else {
                indices = pooled(pool.get(), null);
                source = indices.isPresent() ? SeasonalSource.NETWORK : SeasonalSource.NONE;
            }
        }
        SeasonalForecast.Result result = SeasonalForecast.forecast(own, indices.orElse(SeasonalIndices.FLAT));
        return new Forecast(
                bank.code(),
                bank.country(),
                bank.region(),
                own,
                result.daysOfSupplyNow(),
                result.ahead(),
                result.status() == Forecast.Status.FORECAST ? source : SeasonalSource.NONE,
                result.status());
    }

    /** The mean indices of the banks (of {@code country}, or of all when {@code null}) that have two years. */
    private static Optional<SeasonalIndices> pooled(Pool pool, String country) {
        List<SeasonalIndices> found = new ArrayList<>();
        for (Bank b : pool.banks()) {
            if (country == null || country.equals(b.country())) {
                SeasonalIndices.of(pool.months().getOrDefault(b.code(), List.of()))
                        .ifPresent(found::add);
            }
        }
        return SeasonalIndices.pooled(found);
    }

    /** Whether the forecast alone makes a bank short. */
    boolean shortByForecast(Forecast forecast) {
        BigDecimal low = forecast.lowestDays(horizonMonths);
        return low != null && low.compareTo(thresholdDays) < 0;
    }

    /** The banks short of milk now, by facility code: for the hub's overview ("who is short"). */
    @Transactional(readOnly = true)
    public List<Shortage> shortages() {
        return jdbc.sql("""
                        select s.facility_code, b.country, b.region, s.days_now, s.lowest_days, s.declared,
                               s.declared_reason, s.since
                        from network_shortage s join network_bank b on b.facility_code = s.facility_code
                        where s.short order by s.facility_code
                        """)
                .query((rs, n) -> new Shortage(
                        rs.getString("facility_code"),
                        rs.getString("country"),
                        rs.getString("region"),
                        rs.getBigDecimal("days_now"),
                        rs.getBigDecimal("lowest_days"),
                        rs.getBoolean("declared"),
                        rs.getString("declared_reason"),
                        rs.getTimestamp("since") == null
                                ? null
                                : rs.getTimestamp("since").toInstant()))
                .list();
    }

    /** Whether the hub holds the bank short now. */
    @Transactional(readOnly = true)
    public boolean isShort(String facilityCode) {
        return jdbc.sql("select coalesce(bool_or(short), false) from network_shortage where facility_code = ?")
                .param(facilityCode)
                .query(Boolean.class)
                .single();
    }

    private record State(boolean shortNow, boolean declared, String declaredReason, Instant since) {}

    private Optional<State> state(String code) {
        return jdbc.sql("""
                        select short, declared, declared_reason, since from network_shortage
                        where facility_code = ? for update
                        """)
                .param(code)
                .query((rs, n) -> new State(
                        rs.getBoolean("short"),
                        rs.getBoolean("declared"),
                        rs.getString("declared_reason"),
                        rs.getTimestamp("since") == null
                                ? null
                                : rs.getTimestamp("since").toInstant()))
                .optional();
    }

    /**
     * Decides whether a bank is short from its latest months and its own declaration, keeps the decision and, when
     * it changed, publishes {@code shortage} or {@code shortage-ended} to every bank in the same transaction. Call it
     * after a bank's indicators were accepted; the hub's watch also reviews every bank now and then.
     *
     * @return whether the bank is short
     */
    @Transactional
    public boolean review(String facilityCode) {
        return review(facilityCode, pool());
    }

    private boolean review(String facilityCode, Supplier<Pool> pool) {
        Bank bank = bank(facilityCode);
        Optional<State> before = state(bank.code());
        boolean declared = before.map(State::declared).orElse(false);
        String reason = before.map(State::declaredReason).orElse(null);
        return decide(bank, before, declared, reason, pool);
    }

    /** Reviews every registered bank; returns the facility codes whose state changed. */
    @Transactional
    public List<String> reviewAll() {
        List<String> changed = new ArrayList<>();
        Supplier<Pool> pool = pool();
        for (Bank b : banks()) {
            boolean was = isShort(b.code());
            if (review(b.code(), pool) != was) {
                changed.add(b.code());
            }
        }
        return changed;
    }

    /**
     * Reviews the banks that sent months of indicators since their last review (or were never reviewed); returns
     * those whose state changed. Cheap enough for the hub's watch to call every few minutes.
     */
    @Transactional
    public List<String> reviewChanged() {
        List<String> due = jdbc.sql("""
                        select b.facility_code from network_bank b
                        left join network_shortage s on s.facility_code = b.facility_code
                        where exists (select 1 from network_batch x where x.facility_code = b.facility_code
                                      and x.payload ->> 'kind' = 'indicators'
                                      and (s.reviewed_at is null or x.received_at > s.reviewed_at))
                        order by b.facility_code
                        """).query(String.class).list();
        List<String> changed = new ArrayList<>();
        Supplier<Pool> pool = pool();
        for (String code : due) {
            boolean was = isShort(code);
            if (review(code, pool) != was) {
                changed.add(code);
            }
        }
        return changed;
    }

    /**
     * The bank's own declaration (from its batch {@code shortage-declared}): declared or withdrawn with its words,
     * then the bank is reviewed. Called in the transaction that accepts the batch.
     */
    @Transactional
    public boolean declare(String facilityCode, boolean declared, String reason) {
        Bank bank = bank(facilityCode);
        Optional<State> before = state(bank.code());
        return decide(bank, before, declared, declared ? reason : null, pool());
    }

    private boolean decide(Bank bank, Optional<State> before, boolean declared, String reason, Supplier<Pool> pool) {
        Forecast forecast = forecast(bank, indicators.of(bank.code()), pool);
        boolean byForecast = shortByForecast(forecast);
        boolean shortNow = byForecast || declared;
        boolean was = before.map(State::shortNow).orElse(false);
        Instant now = clock.instant();
        Instant since = shortNow ? (was ? before.get().since() : now) : null;
        BigDecimal low = forecast.lowestDays(horizonMonths);
        jdbc.sql("""
                        insert into network_shortage (facility_code, short, declared, declared_reason, days_now,
                            lowest_days, since, reviewed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (facility_code) do update set short = excluded.short,
                            declared = excluded.declared, declared_reason = excluded.declared_reason,
                            days_now = excluded.days_now, lowest_days = excluded.lowest_days, since = excluded.since,
                            reviewed_at = excluded.reviewed_at, version = network_shortage.version + 1
                        """)
                .params(
                        bank.code(),
                        shortNow,
                        declared,
                        reason,
                        forecast.daysOfSupplyNow(),
                        low,
                        since == null ? null : Timestamp.from(since),
                        Timestamp.from(now))
                .update();
        if (shortNow && !was) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("facilityCode", bank.code());
            fields.put("country", bank.country());
            fields.put("region", bank.region());
            fields.put("daysOfSupply", forecast.daysOfSupplyNow());
            fields.put("lowestDays", low);
            fields.put("declared", declared);
            fields.put("since", since.toString());
            messages.publish(SHORTAGE, fields, Optional.empty());
            history.record(
                    "NetworkBank",
                    bank.id(),
                    Said.of(
                            declared && !byForecast
                                    ? "network.history.shortage.declared"
                                    : "network.history.shortage.started",
                            bank.code(),
                            low == null ? "—" : low,
                            thresholdDays));
        } else if (!shortNow && was) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("facilityCode", bank.code());
            fields.put("daysOfSupply", forecast.daysOfSupplyNow());
            fields.put("lowestDays", low);
            fields.put("endedAt", now.toString());
            messages.publish(SHORTAGE_ENDED, fields, Optional.empty());
            history.record(
                    "NetworkBank",
                    bank.id(),
                    Said.of("network.history.shortage.ended", bank.code(), low == null ? "—" : low, thresholdDays));
        }
        return shortNow;
    }
}
