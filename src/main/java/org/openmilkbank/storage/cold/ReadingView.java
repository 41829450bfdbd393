package org.openmilkbank.storage.cold;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One temperature reading of a storage unit; {@code alarm}: warmer than the alarm temperature in force. */
public record ReadingView(
        UUID id,
        UUID storageUnitId,
        String source,
        Instant readAt,
        BigDecimal currentC,
        BigDecimal minC,
        BigDecimal maxC,
        UUID importId,
        Instant recordedAt,
        String recordedBy) {}
