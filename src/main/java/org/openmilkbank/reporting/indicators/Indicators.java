package org.openmilkbank.reporting.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The data dictionary's indicators by read-only SQL; days and months are the bank's (the clock's zone). */
@Service
@Transactional(readOnly = true)
class Indicators implements IndicatorSource {

    static final String VOLUME_DISPENSED = "VOLUME_DISPENSED";

    private static final List<IndicatorDefinition> DICTIONARY =
            List.of(new IndicatorDefinition(VOLUME_DISPENSED, IndicatorUnit.LITRES, false, List.of()));

    private final JdbcClient jdbc;
    private final Clock clock;

    Indicators(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<IndicatorDefinition> dictionary() {
        return DICTIONARY;
    }

    @Override
    public IndicatorTable compute(LocalDate from, LocalDate to) {
        long ml = jdbc.sql("""
                        select coalesce(sum(b.volume_ml), 0) from dispensing_dispense_v ds
                        join inventory_bottle_v b on b.id = ds.bottle_id
                        where ds.dispensed_at >= :from and ds.dispensed_at < :to
                        """)
                .param("from", start(from))
                .param("to", start(to.plusDays(1)))
                .query(Long.class)
                .single();
        BigDecimal litres = BigDecimal.valueOf(ml).divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP);
        return new IndicatorTable(from, to, List.of(new IndicatorValue(VOLUME_DISPENSED, null, litres, litres, null)));
    }

    @Override
    public List<IndicatorTable> byMonth(YearMonth from, YearMonth to) {
        List<IndicatorTable> tables = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            tables.add(compute(m.atDay(1), m.atEndOfMonth()));
        }
        return tables;
    }

    @Override
    public Paged<UnitBehind> unitsBehind(
            String code, String breakdown, LocalDate from, LocalDate to, PageRequest page) {
        if (!VOLUME_DISPENSED.equals(code) || breakdown != null) {
            throw new NotFound("reporting.indicator.notFound", code);
        }
        List<Row> rows = jdbc.sql("""
                        select b.din, ds.dispensed_at, b.volume_ml, count(*) over () as total
                        from dispensing_dispense_v ds join inventory_bottle_v b on b.id = ds.bottle_id
                        where ds.dispensed_at >= :from and ds.dispensed_at < :to
                        order by ds.dispensed_at, b.din limit :limit offset :offset
                        """)
                .param("from", start(from))
                .param("to", start(to.plusDays(1)))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new Row(
                        new UnitBehind(
                                UnitBehind.Kind.BOTTLE,
                                Din.parse(rs.getString("din")).withCheck(),
                                "/bottles/" + Din.parse(rs.getString("din")).withCheck(),
                                rs.getTimestamp("dispensed_at")
                                        .toInstant()
                                        .atZone(clock.getZone())
                                        .toLocalDate(),
                                BigDecimal.valueOf(rs.getLong("volume_ml"))),
                        rs.getLong("total")))
                .list();
        return Paged.of(
                rows.stream().map(Row::unit).toList(),
                page,
                rows.isEmpty() ? 0 : rows.get(0).total());
    }

    private record Row(UnitBehind unit, long total) {}

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
