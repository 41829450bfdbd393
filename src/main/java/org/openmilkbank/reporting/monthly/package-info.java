/**
 * The manager's month: the bank's targets for its indicators, the dashboard of this month against last month and
 * the targets, the monthly report as a PDF in the bank's language, and the manager's sign-off of it. Every number
 * is read from {@link org.openmilkbank.reporting.indicators.IndicatorSource}, whatever its dictionary holds.
 */
package org.openmilkbank.reporting.monthly;
