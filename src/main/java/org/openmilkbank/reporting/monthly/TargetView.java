package org.openmilkbank.reporting.monthly;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The bank's monthly target for one indicator's total ({@code breakdown} null) or one of its breakdowns.
 *
 * @param active false once withdrawn (the row stays, with its history)
 */
public record TargetView(
        UUID id,
        String code,
        String breakdown,
        BigDecimal value,
        TargetDirection direction,
        boolean active,
        String setBy,
        Instant setAt) {

    /** Whether the value meets the target; {@code null} when withdrawn or there is no value. */
    public Boolean met(BigDecimal actual) {
        return active ? direction.met(actual, value) : null;
    }
}
