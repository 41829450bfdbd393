package org.openmilkbank.donor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record SerologyView(
        UUID id,
        UUID donorId,
        String test,
        LocalDate sampleDate,
        SerologyOutcome outcome,
        String labReference,
        Instant recordedAt,
        String recordedBy,
        boolean voided,
        String voidReason) {}
