package org.openmilkbank.reporting.dhis2;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.openmilkbank.shared.RuleViolation;

/** A month as the pages and the API name it, {@code 2026-11}; a month still to come has nothing to report. */
public final class Dhis2Month {

    private Dhis2Month() {}

    public static YearMonth parse(String typed, Clock clock) {
        YearMonth month;
        try {
            month = YearMonth.parse(typed == null ? "" : typed.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("reporting.dhis2.month.invalid", typed == null ? "" : typed).on("month");
        }
        if (month.isAfter(YearMonth.now(clock))) {
            throw new RuleViolation("reporting.dhis2.month.future", month.toString()).on("month");
        }
        return month;
    }
}
