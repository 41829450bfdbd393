package org.openmilkbank.equipment;

import java.math.BigDecimal;

/**
 * One test point of a calibration as read: the nominal temperature, the reference instrument's reading, the
 * instrument's reading before any adjustment (as found) and after it (as left; null when it was not adjusted).
 */
public record TestPoint(BigDecimal nominalC, BigDecimal referenceC, BigDecimal asFoundC, BigDecimal asLeftC) {}
