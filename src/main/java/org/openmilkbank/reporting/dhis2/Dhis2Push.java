package org.openmilkbank.reporting.dhis2;

import java.time.Instant;
import java.util.UUID;

/** One push to DHIS2, dry run or real, as recorded: who, when, which month, what was sent and what DHIS2 said. */
public record Dhis2Push(
        UUID id,
        String month,
        boolean dryRun,
        String baseUrl,
        String orgUnit,
        String payloadDigest,
        int valueCount,
        PushStatus status,
        Integer httpStatus,
        ImportSummary summary,
        String pushedBy,
        Instant pushedAt) {

    /** The digest's first twelve characters, enough to tell two payloads apart on a page. */
    public String shortDigest() {
        return payloadDigest.substring(0, Math.min(12, payloadDigest.length()));
    }
}
