package org.openmilkbank.logistics;

import java.time.Instant;
import java.util.UUID;

public record CollectionPointView(
        UUID id,
        String name,
        CollectionPointKind kind,
        String address,
        boolean active,
        String deactivatedReason,
        Instant createdAt,
        String createdBy) {}
