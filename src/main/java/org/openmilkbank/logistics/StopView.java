package org.openmilkbank.logistics;

import java.time.Instant;
import java.util.UUID;

/** One visit of a run: a donor's home or a collection point, and what happened there. */
public record StopView(
        UUID id,
        int position,
        UUID donorId,
        String donorCode,
        UUID collectionPointId,
        String place,
        StopOutcome outcome,
        Integer containers,
        String note,
        Instant recordedAt,
        String recordedBy) {}
