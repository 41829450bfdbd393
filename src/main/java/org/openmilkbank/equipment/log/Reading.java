package org.openmilkbank.equipment.log;

import java.math.BigDecimal;
import java.time.Instant;

/** One temperature reading of one probe: when, and in °C (a °F logger's readings are converted on import). */
public record Reading(String probe, Instant at, BigDecimal celsius) {

    public Reading {
        if (probe == null || at == null || celsius == null) {
            throw new IllegalArgumentException("a reading has a probe, a time and a temperature");
        }
    }
}
