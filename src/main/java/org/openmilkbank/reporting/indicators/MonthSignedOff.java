package org.openmilkbank.reporting.indicators;

import java.time.YearMonth;

/**
 * The manager signed the month's report (its numbers as they stood): published in the sign-off's transaction, so
 * what follows from it (the network module shares the month with the hub) is kept or lost with the sign-off.
 *
 * @param correction whether it supersedes an earlier sign-off of the month
 */
public record MonthSignedOff(YearMonth month, boolean correction) {}
