package org.openmilkbank.dispensing.orders;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.inventory.EnergyClass;

/**
 * Proposes the bottles for one order from the stock on offer. A small interface: pooling by nutrient targets
 * may later propose differently behind it.
 */
public interface Allocator {

    /**
     * The bottles to take for {@code need}, in the order to take them, from {@code stock} (released, in date, not
     * held, reserved for no order). Fewer than needed when the stock is short.
     */
    List<Candidate> propose(Need need, List<Candidate> stock);

    /**
     * What one order needs: its volume; the energy band it asks for ({@code null}: any); whether the band is
     * required (outside shortage) or only preferred (in shortage, milk of another band beats none); the pools
     * the infant already had (fewer distinct donors over her stay).
     */
    record Need(int volumeMl, EnergyClass band, boolean bandRequired, Set<UUID> poolsHad) {}

    /** A bottle on offer with its pool's energy class ({@code NOT_ANALYSED}: the lab has no energy for it). */
    record Candidate(UUID bottleId, String din, UUID poolId, int volumeMl, LocalDate expiresOn, EnergyClass energy) {

        /** Analysed and of another band than {@code band}. */
        boolean otherBand(EnergyClass band) {
            return band != null && energy != EnergyClass.NOT_ANALYSED && energy != band;
        }
    }
}
