package org.openmilkbank.reporting.monthly;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.openmilkbank.shared.RuleViolation;

/** A month as the pages and the API write it ({@code yyyy-MM}), never after the bank's current month. */
public final class Months {

    private Months() {}

    public static YearMonth parse(String text, Clock clock) {
        YearMonth month;
        try {
            month = YearMonth.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("reporting.month.invalid", text == null ? "" : text).on("month");
        }
        if (month.isAfter(YearMonth.now(clock))) {
            throw new RuleViolation("reporting.month.future", month.toString()).on("month");
        }
        return month;
    }
}
