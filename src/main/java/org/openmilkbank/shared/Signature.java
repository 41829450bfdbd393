package org.openmilkbank.shared;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person's signature on a step of a record: who signed, when, what the signature means (e.g. "released for
 * feeding") and what she attested (e.g. "the culture is negative", "the labels are checked"), as message keys
 * rendered in the reader's language.
 */
public record Signature(
        UUID id,
        String username,
        Instant signedAt,
        String recordType,
        String recordId,
        Said meaning,
        List<Said> attestations) {

    public Signature {
        attestations = List.copyOf(attestations);
    }
}
