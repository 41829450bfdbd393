package org.openmilkbank.donor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published, inside the transaction that deferred the donor or recorded her positive result, for each window of
 * her milk that may not be used: every container she expressed from {@code windowFrom} to {@code windowTo}
 * (inclusive; {@code null} leaves that end open), already in the bank or arriving later. The traceability module
 * places the hold in the same transaction.
 *
 * @param permanent {@code true}: never to be used (late positive result, a deferral whose cause reaches back);
 *     {@code false}: held until she is cleared (milk expressed during a temporary deferral)
 * @param reasonCode neutral code, never clinical words ({@code donor.blocked}, {@code donor.deferred})
 * @param detailRef the clinical record behind it ({@code serology:<id>}, {@code deferral:<id>})
 */
public record DonorMilkBlocked(
        UUID donorId,
        String donorCode,
        boolean permanent,
        LocalDate windowFrom,
        LocalDate windowTo,
        String reasonCode,
        String detailRef,
        Instant at) {}
