package org.openmilkbank.reporting.monthly;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One sign-off of a month's report: who signed, when, under which profile, the digest of the numbers she signed,
 * and, for a correction, the reason and the sign-off it supersedes.
 *
 * @param supersededBy the later sign-off that corrects this one, or {@code null} while it is in force
 */
public record SignOffView(
        UUID id,
        YearMonth month,
        UUID signatureId,
        String signedBy,
        Instant signedAt,
        String profileCode,
        String digest,
        UUID supersedes,
        String reason,
        UUID supersededBy) {

    public boolean inForce() {
        return supersededBy == null;
    }
}
