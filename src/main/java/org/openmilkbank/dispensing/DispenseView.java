package org.openmilkbank.dispensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.traceability.HoldView;

/** One bottle handed over for one infant: which bottle, from which pool, by whom and when. */
public record DispenseView(
        UUID id,
        UUID infantId,
        String infantCode,
        UUID bottleId,
        String bottleDin,
        UUID poolId,
        int volumeMl,
        LocalDate expiresOn,
        Instant dispensedAt,
        String dispensedBy,
        List<HoldView> holds,
        /** When the ward returned it unused; {@code null} while it is with the infant. */
        Instant returnedAt) {

    public DispenseView {
        holds = holds == null ? List.of() : List.copyOf(holds);
    }

    /** A bottle already with the infant that must not be fed: it or milk it came from is held (e.g. recalled). */
    public boolean doNotFeed() {
        return returnedAt == null && !holds.isEmpty();
    }

    public boolean returned() {
        return returnedAt != null;
    }
}
