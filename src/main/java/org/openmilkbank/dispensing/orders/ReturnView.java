package org.openmilkbank.dispensing.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One unused bottle the ward returned: when, by whom, why, how cold it arrived, and whether it went back into stock
 * (no refusals) or was discarded (the refusals say why). The DIN with its check character.
 */
public record ReturnView(
        UUID bottleId,
        String din,
        int volumeMl,
        Instant returnedAt,
        String returnedBy,
        ReturnReason reason,
        String note,
        BigDecimal arrivalTemperatureC,
        List<ReturnRefusal> refusals) {

    public ReturnView {
        refusals = List.copyOf(refusals);
    }

    public boolean backInStock() {
        return refusals.isEmpty();
    }
}
