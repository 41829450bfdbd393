package org.openmilkbank.lab.analyser;

import java.time.Instant;
import java.util.UUID;

/** An imported file: which instrument, who imported it when, and how many of its rows count. */
public record ImportView(
        UUID id,
        UUID instrumentId,
        String instrumentName,
        String fileName,
        FileFormat format,
        int rowCount,
        long counted,
        String importedBy,
        Instant importedAt) {}
