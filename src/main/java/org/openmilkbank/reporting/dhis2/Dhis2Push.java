package org.openmilkbank.reporting.dhis2;

import java.time.Instant;
import java.util.List;
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
        List<SentValue> sent,
        PushStatus status,
        Integer httpStatus,
        ImportSummary summary,
        String pushedBy,
        Instant pushedAt) {

    public Dhis2Push {
        sent = sent == null ? List.of() : List.copyOf(sent);
    }

    /** One value as it was sent, in the order of the data value set. */
    public record SentValue(
            String indicatorCode, String breakdown, String dataElement, String categoryOptionCombo, String value) {}

    /** The digest's first twelve characters, enough to tell two payloads apart on a page. */
    public String shortDigest() {
        return payloadDigest.substring(0, Math.min(12, payloadDigest.length()));
    }
}
