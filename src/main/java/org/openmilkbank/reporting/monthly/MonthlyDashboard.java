package org.openmilkbank.reporting.monthly;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.reporting.indicators.IndicatorSource;
import org.openmilkbank.reporting.indicators.IndicatorTable;
import org.openmilkbank.reporting.indicators.IndicatorValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The manager's month against last month and the targets, from the indicators whatever the dictionary holds. */
@Service
@Transactional(readOnly = true)
public class MonthlyDashboard {

    static final int TREND_MONTHS = 12;

    private final IndicatorSource indicators;
    private final Targets targets;
    private final JdbcClient jdbc;
    private final Clock clock;

    MonthlyDashboard(IndicatorSource indicators, Targets targets, JdbcClient jdbc, Clock clock) {
        this.indicators = indicators;
        this.targets = targets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public MonthView month(YearMonth month) {
        LocalDate today = LocalDate.now(clock);
        boolean soFar = !month.atEndOfMonth().isBefore(today);
        LocalDate to = soFar ? today : month.atEndOfMonth();
        YearMonth first = month.minusMonths(TREND_MONTHS - 1);
        List<IndicatorTable> tables = new ArrayList<>(indicators.byMonth(first, month.minusMonths(1)));
        IndicatorTable current = indicators.compute(month.atDay(1), to);
        tables.add(current);
        IndicatorTable last = tables.get(tables.size() - 2);
        List<TargetView> inForce = targets.all();
        List<MonthView.Row> rows = new ArrayList<>();
        for (IndicatorDefinition d : indicators.dictionary()) {
            List<String> parts = new ArrayList<>();
            parts.add(null);
            parts.addAll(d.breakdowns());
            for (String breakdown : parts) {
                IndicatorValue value = current.find(d.code(), breakdown).orElse(null);
                BigDecimal now = value == null ? null : value.value();
                BigDecimal before = last.find(d.code(), breakdown)
                        .map(IndicatorValue::value)
                        .orElse(null);
                TargetView target =
                        Targets.inForce(inForce, d.code(), breakdown).orElse(null);
                List<BigDecimal> trend = new ArrayList<>();
                for (IndicatorTable t : tables) {
                    trend.add(t.find(d.code(), breakdown)
                            .map(IndicatorValue::value)
                            .orElse(null));
                }
                rows.add(new MonthView.Row(
                        d.code(),
                        breakdown,
                        d.unit(),
                        d.ratio(),
                        now,
                        value == null ? null : value.numerator(),
                        value == null ? null : value.denominator(),
                        before,
                        now == null || before == null ? null : now.subtract(before),
                        target,
                        target == null ? null : target.met(now),
                        trend));
            }
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
            months.add(m);
        }
        YearMonth lastMonth = month.minusMonths(1);
        return new MonthView(
                month,
                month.atDay(1),
                to,
                soFar,
                lastMonth,
                lastMonth.atDay(1),
                lastMonth.atEndOfMonth(),
                profileInForce(),
                rows,
                months);
    }

    /** The profile the bank follows now. */
    public ProfileInForce profileInForce() {
        return jdbc.sql("select profile_code, stored_name, built_in from standards_profile_in_force_v")
                .query((rs, n) -> new ProfileInForce(
                        rs.getString("profile_code"), rs.getString("stored_name"), rs.getBoolean("built_in")))
                .single();
    }
}
