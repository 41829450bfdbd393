package org.openmilkbank.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.shared.Din;

/** Raw frozen milk in the bank's raw store, as the processing module sees it for pooling. */
public interface RawMilk {

    /** A container by its DIN (13 characters, without check character). */
    Optional<RawContainerView> findByDin(String din);

    /**
     * Containers that may go into a pool today: raw frozen, within the active profile's raw-milk age limit and
     * under no active hold (their own or a donor window). Oldest expression first.
     */
    List<RawContainerView> usableForPooling(LocalDate today);

    /**
     * Takes containers out of the raw store into the pool {@code poolDin}. All or nothing: refuses with a
     * {@link org.openmilkbank.shared.RuleViolation} naming the container if any is unknown, listed twice, not
     * raw frozen, or if the safety gate refuses it for pooling at {@code at} (a hold, a donor window, older than
     * the raw-milk limit, a time that cannot be true), with every reason. Locks the rows first so two pools can
     * never take the same container.
     */
    List<RawContainerView> takeForPool(List<UUID> containerIds, UUID poolId, Din poolDin, Instant at);
}
