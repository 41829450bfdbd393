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
 * The hub's reading of the banks' monthly indicators, as the forecasts need them: for each bank and month the figures
 * the indicators projection holds ({@code network_indicator}: the latest batch of the month, its content accepted),
 * totals only. The one place that knows where they are kept.
 */
@Component
class IndicatorHistory {

    static final String SUPPLY = "VOLUME_PASTEURISED";
    static final String DEMAND = "VOLUME_DISPENSED";
    static final String STOCK = "STOCK_ON_HAND";

    private static final String SQL = """
            select i.facility_code, i.month, i.code, i.value from network_indicator i
            where i.breakdown = '' and i.code in ('VOLUME_PASTEURISED', 'VOLUME_DISPENSED', 'STOCK_ON_HAND')
            """;

    private final JdbcClient jdbc;

    IndicatorHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One bank's months, oldest first (one bank's rows, by the table's key). */
    List<MonthFigures> of(String facilityCode) {
        return read(jdbc.sql(SQL + " and i.facility_code = :facility").param("facility", facilityCode))
                .getOrDefault(facilityCode, List.of());
    }

    /** Every bank's months, oldest first, by facility code. */
    Map<String, List<MonthFigures>> all() {
        return read(jdbc.sql(SQL));
    }

    /**
     * The months of the banks that shared at least {@code months} months, by facility code: the banks whose seasons
     * may be pooled, found by the months' definitions the hub keeps (one row a bank and month) before any figure is
     * read, so that a bank's new month does not read the whole network's figures.
     */
    Map<String, List<MonthFigures>> withAtLeast(int months) {
        return read(jdbc.sql(SQL + """
                         and i.facility_code in (select d.facility_code from network_bank_definition d
                                                 group by d.facility_code having count(*) >= :months)
                        """).param("months", months));
    }

    private static Map<String, List<MonthFigures>> read(JdbcClient.StatementSpec query) {
        Map<String, TreeMap<YearMonth, BigDecimal[]>> rows = new HashMap<>();
        query.query(rs -> {
            BigDecimal[] f = rows.computeIfAbsent(rs.getString("facility_code"), k -> new TreeMap<>())
                    .computeIfAbsent(YearMonth.from(rs.getDate("month").toLocalDate()), k -> new BigDecimal[3]);
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
