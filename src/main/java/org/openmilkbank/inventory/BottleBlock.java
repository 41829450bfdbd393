package org.openmilkbank.inventory;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The bottle store's part in a block on a donor's milk. */
public interface BottleBlock {

    /**
     * Blocks every bottle of the pools in quarantine, released or dispensed (a dispensed bottle is recalled: it may
     * not have been fed yet), because they hold milk of a donor who was deferred or tested positive late. Locks the
     * rows, so a dispense racing the block either committed first or is refused. Writes each bottle's history.
     */
    List<BottleView> blockPools(Collection<UUID> poolIds, String donorCode, String reason);
}
