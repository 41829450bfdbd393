package org.openmilkbank.reporting.indicators;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.openmilkbank.shared.RuleViolation;

/**
 * The days an indicator table covers, both included, read from what a reader asked: a month ({@code yyyy-MM}), or
 * two days ({@code yyyy-MM-dd}); nothing asked is the last whole month. Refused with the field it names when a day is
 * unreadable, the end is before the start or the period is too long.
 */
public record IndicatorPeriod(LocalDate from, LocalDate to) {

    public IndicatorPeriod {
        if (from == null || to == null) {
            throw new RuleViolation("reporting.indicators.period.missing").on(from == null ? "from" : "to");
        }
        if (to.isBefore(from)) {
            throw new RuleViolation("reporting.indicators.period.order").on("to");
        }
        if (!from.plusDays(Indicators.MAX_DAYS).isAfter(to)) {
            throw new RuleViolation("reporting.indicators.period.tooLong", Indicators.MAX_DAYS).on("to");
        }
    }

    /** The last whole month before today. */
    public static IndicatorPeriod lastMonth(Clock clock) {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        return new IndicatorPeriod(last.atDay(1), last.atEndOfMonth());
    }

    public static IndicatorPeriod parse(String from, String to, String month, Clock clock) {
        if (!blank(month)) {
            try {
                YearMonth m = YearMonth.parse(month.strip());
                return new IndicatorPeriod(m.atDay(1), m.atEndOfMonth());
            } catch (DateTimeParseException e) {
                throw new RuleViolation("reporting.indicators.period.invalid").on("month");
            }
        }
        if (blank(from) && blank(to)) {
            return lastMonth(clock);
        }
        return new IndicatorPeriod(day(from, "from"), day(to, "to"));
    }

    private static LocalDate day(String text, String field) {
        if (blank(text)) {
            throw new RuleViolation("reporting.indicators.period.missing").on(field);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("reporting.indicators.period.invalid").on(field);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
