package org.openmilkbank.network;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One month of a bank as it shared it: the litres pasteurised (supply), dispensed (demand) and in stock at the end of
 * the month (the data dictionary's {@code VOLUME_PASTEURISED}, {@code VOLUME_DISPENSED}, {@code STOCK_ON_HAND},
 * totals). A figure the bank did not share is {@code null}.
 */
public record MonthFigures(YearMonth month, BigDecimal supplyLitres, BigDecimal demandLitres, BigDecimal stockLitres) {}
