package org.openmilkbank.logistics;

import java.math.BigDecimal;
import java.time.Instant;

/** What the person at reception reads on an arriving box; {@code arrivedAt} null means now. */
public record BoxArrival(BigDecimal temperatureC, IndicatorState indicator, Boolean sealIntact, Instant arrivedAt) {}
