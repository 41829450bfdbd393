package org.openmilkbank.donor;

import java.time.Instant;
import java.util.UUID;

/**
 * Published, inside the transaction that deferred the donor or recorded her positive result, when none of her
 * milk that has not been fed may be used any more. Listeners in the milk's modules react synchronously in the
 * same transaction, so the block is all or nothing and no dispense can slip between its steps.
 *
 * @param reason why, in the staff's words (e.g. "deferred: transfusion" or "HBV positive, sample 2026-11-02")
 */
public record DonorMilkBlocked(UUID donorId, String donorCode, String reason, Instant at) {}
