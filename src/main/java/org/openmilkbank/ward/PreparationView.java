package org.openmilkbank.ward;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A bottle divided on the ward: its syringes and the remainder discarded with its reason. */
public record PreparationView(
        UUID id,
        UUID bottleId,
        String bottleDin,
        int bottleVolumeMl,
        int remainderMl,
        String remainderReason,
        Instant preparedAt,
        String preparedBy,
        List<AliquotView> aliquots) {

    public PreparationView {
        aliquots = List.copyOf(aliquots);
    }
}
