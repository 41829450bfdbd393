package org.openmilkbank.donor;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when a donor's pending status is resolved in her favour (screening approved, missing results
 * recorded negative, a temporary deferral lifted after a negative re-test), so that milk held for her can be
 * decided again. Listeners re-ask {@link DonorManagement#acceptanceOn} for each held container.
 */
public record DonorCleared(UUID donorId, String donorCode, Instant at) {}
