package org.openmilkbank.dispensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One bottle handed over for one infant: which bottle, from which pool, by whom and when. */
public record DispenseView(
        UUID id,
        UUID infantId,
        String infantCode,
        UUID bottleId,
        String bottleDin,
        UUID poolId,
        int volumeMl,
        LocalDate expiresOn,
        Instant dispensedAt,
        String dispensedBy) {}
