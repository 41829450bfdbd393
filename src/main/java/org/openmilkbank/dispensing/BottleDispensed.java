package org.openmilkbank.dispensing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.shared.Din;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/**
 * A bottle left the bank for an infant. When it was not the first to expire, {@code firstToExpire} names the bottle
 * that was (the dispenser's reason is in the infant's history) and the event carries the code
 * {@code dispense.notFirstToExpire}.
 */
public record BottleDispensed(UUID bottleId, UUID infantId, Instant at, Din firstToExpire) implements MilkHandled {

    static final String NOT_FIRST_TO_EXPIRE = "dispense.notFirstToExpire";

    @Override
    public MilkHandling handling() {
        Map<String, Object> data = new LinkedHashMap<>();
        if (firstToExpire != null) {
            data.put("firstToExpire", firstToExpire.value());
        }
        return new MilkHandling(
                List.of(),
                List.of(),
                List.of(new MilkHandling.Happened(
                        bottleId,
                        MilkEventType.DISPENSED,
                        at,
                        null,
                        firstToExpire == null ? null : NOT_FIRST_TO_EXPIRE,
                        infantId,
                        data)));
    }
}
