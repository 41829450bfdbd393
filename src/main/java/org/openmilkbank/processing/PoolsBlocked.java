package org.openmilkbank.processing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published, inside the transaction of a block on a donor's milk, once every pool holding her milk (and not
 * discarded) is BLOCKED. The runs and bottles of these pools must be blocked in the same transaction.
 *
 * @param poolIds the pools holding her milk, blocked now or by an earlier block
 */
public record PoolsBlocked(UUID donorId, String donorCode, List<UUID> poolIds, String reason, Instant at) {}
