package org.openmilkbank.network;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hub's reading of the banks' monthly indicators, as the forecasts need them: for each bank and month the latest
 * batch of kind {@code indicators} (a month shared again replaces the earlier), totals only. The one place that knows
 * where they are kept (the accepted batches' payloads until the hub has its own table of indicators).
 */
@Component
class IndicatorHistory {

    static final String SUPPLY = "VOLUME_PASTEURISED";
    static final String DEMAND = "VOLUME_DISPENSED";
    static final String STOCK = "STOCK_ON_HAND";

    private static final String SQL = """
            with latest as (
                select distinct on (b.facility_code, b.payload ->> 'month')
                       b.facility_code, b.payload ->> 'month' as month, b.payload -> 'values' as vals
                from network_batch b
                where b.payload ->> 'kind' = 'indicators'
                  and b.payload ->> 'month' ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'
                  and jsonb_typeof(b.payload -> 'values') = 'array'
                  and (cast(:facility as text) is null or b.facility_code = :facility)
                order by b.facility_code, b.payload ->> 'month', b.sequence desc
            )
            select l.facility_code, l.month, v ->> 'code' as code,
                   case when jsonb_typeof(v -> 'value') = 'number' then (v ->> 'value')::numeric end as value
            from latest l cross join jsonb_array_elements(l.vals) v
            where jsonb_typeof(v) = 'object'
              and (v -> 'breakdown' is null or jsonb_typeof(v -> 'breakdown') = 'null')
              and v ->> 'code' in ('VOLUME_PASTEURISED', 'VOLUME_DISPENSED', 'STOCK_ON_HAND')
            """;

    private final JdbcClient jdbc;

    IndicatorHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One bank's months, oldest first. */
    List<MonthFigures> of(String facilityCode) {
        return read(facilityCode).getOrDefault(facilityCode, List.of());
    }

    /** Every bank's months, oldest first, by facility code. */
    Map<String, List<MonthFigures>> all() {
        return read(null);
    }

    private Map<String, List<MonthFigures>> read(String facility) {
        Map<String, TreeMap<YearMonth, BigDecimal[]>> rows = new HashMap<>();
        jdbc.sql(SQL).param("facility", facility).query(rs -> {
            BigDecimal[] f = rows.computeIfAbsent(rs.getString("facility_code"), k -> new TreeMap<>())
                    .computeIfAbsent(YearMonth.parse(rs.getString("month")), k -> new BigDecimal[3]);
            int i = switch (rs.getString("code")) {
                case SUPPLY -> 0;
                case DEMAND -> 1;
                default -> 2;
            };
            f[i] = rs.getBigDecimal("value");
        });
        Map<String, List<MonthFigures>> out = new HashMap<>();
        rows.forEach((bank, months) -> {
            List<MonthFigures> list = new ArrayList<>();
            months.forEach((m, f) -> list.add(new MonthFigures(m, f[0], f[1], f[2])));
            out.put(bank, List.copyOf(list));
        });
        return out;
    }
}
