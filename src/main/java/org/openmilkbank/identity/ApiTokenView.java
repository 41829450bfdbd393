package org.openmilkbank.identity;

import java.time.Instant;
import java.util.UUID;

/** A personal API token as its owner and an ADMIN see it: never the token itself. */
public record ApiTokenView(
        UUID id,
        UUID userId,
        String name,
        String prefix,
        Instant createdAt,
        String createdBy,
        Instant lastUsedAt,
        Instant revokedAt,
        String revokedBy) {

    public boolean active() {
        return revokedAt == null;
    }
}
