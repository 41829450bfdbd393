package org.openmilkbank.ward;

import java.time.Instant;
import java.util.UUID;

/**
 * A syringe prepared from a bottle for one infant. {@code code} is what its barcode holds (the bottle's DIN and the
 * division code), {@code shown} how a person reads it; it inherits the bottle's thaw clock ({@code expiresAt}).
 */
public record AliquotView(
        UUID id,
        UUID bottleId,
        String code,
        String shown,
        String division,
        UUID infantId,
        String infantCode,
        String infantName,
        int volumeMl,
        Instant expiresAt,
        Instant thawedAt,
        Instant preparedAt,
        String preparedBy) {}
