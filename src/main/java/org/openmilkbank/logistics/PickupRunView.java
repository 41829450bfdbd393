package org.openmilkbank.logistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record PickupRunView(
        UUID id,
        long number,
        LocalDate plannedOn,
        String driver,
        PickupRunState state,
        Instant startedAt,
        Instant returnedAt,
        String cancelReason,
        Instant createdAt,
        String createdBy,
        List<StopView> stops,
        List<BoxView> boxes) {

    public String label() {
        return "R" + number;
    }
}
