package org.openmilkbank.donor;

import java.time.Instant;
import java.util.UUID;

/**
 * The clinical record behind holds on a donor's milk no longer stands: a temporary deferral lifted after a negative
 * re-test ({@code voided = false}), or a deferral or result recorded in error and voided. Published in that
 * transaction; the holds resting on {@code detailRef} end in it too.
 */
public record DonorMilkCleared(UUID donorId, String detailRef, boolean voided, String reason, Instant at) {}
