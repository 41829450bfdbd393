package org.openmilkbank.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.shared.Din;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;
import org.openmilkbank.traceability.MilkUnitKind;

/** A run's milk was filled into bottles, each a unit of its own with its expiry (the gate reads it from here). */
public record BottlesFilled(UUID runId, List<Filled> bottles, LocalDate expiresOn, Instant at) implements MilkHandled {

    public record Filled(UUID bottleId, Din din, int volumeMl) {}

    public BottlesFilled {
        bottles = List.copyOf(bottles);
    }

    @Override
    public MilkHandling handling() {
        MilkHandling.Builder b = MilkHandling.builder();
        for (Filled f : bottles) {
            b.unit(f.bottleId(), f.din(), MilkUnitKind.BOTTLE, at)
                    .link(runId, f.bottleId(), f.volumeMl(), at)
                    .event(
                            f.bottleId(),
                            MilkEventType.FILLED,
                            at,
                            null,
                            Map.of("volumeMl", f.volumeMl(), "expiresOn", expiresOn.toString()));
        }
        return b.build();
    }
}
