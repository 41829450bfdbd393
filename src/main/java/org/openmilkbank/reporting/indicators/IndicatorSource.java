package org.openmilkbank.reporting.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;

/**
 * The bank's indicators, computed by read-only SQL over the views the modules publish. The dashboard, the
 * monthly report, the exports and the DHIS2 export all read their numbers here, so a number means the same
 * everywhere.
 */
public interface IndicatorSource {

    /** Every indicator of the data dictionary, in the order reports show them. */
    List<IndicatorDefinition> dictionary();

    /** The standard profile and the parameters of it that shape the indicators' definitions, as they stand today. */
    BankDefinitions definitions();

    /** Every indicator (each breakdown and the total) for the days {@code from} to {@code to}, both included. */
    IndicatorTable compute(LocalDate from, LocalDate to);

    /** One table per month, {@code from} to {@code to} included, oldest first. */
    List<IndicatorTable> byMonth(YearMonth from, YearMonth to);

    /**
     * The units behind one number (the bottles, pools, runs, donors, infants or near misses it counts), so every
     * number can be checked.
     */
    Paged<UnitBehind> unitsBehind(String code, String breakdown, LocalDate from, LocalDate to, PageRequest page);

    /**
     * One unit behind a number.
     *
     * @param kind what it is ({@code enum.IndicatorSource.UnitBehind.Kind.<VALUE>})
     * @param label how it is known: a DIN with its check character, a donor or infant code
     * @param link its page
     * @param on the day it counted
     * @param amount what it added to the number (mL, or 1)
     */
    record UnitBehind(Kind kind, String label, String link, LocalDate on, java.math.BigDecimal amount) {
        public enum Kind {
            DONOR,
            CONTAINER,
            POOL,
            RUN,
            BOTTLE,
            INFANT,
            FEED,
            NEAR_MISS
        }
    }
}
