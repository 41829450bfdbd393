package org.openmilkbank.logistics;

import java.time.Instant;
import java.util.UUID;

/**
 * One visit of a run: a donor's home or a collection point, and what happened there. {@code place} is the
 * point's name or the donor's code; {@code donorAddress} (her name and home address) is filled only for staff
 * with clinical rights over donors, who plan and drive the visits.
 */
public record StopView(
        UUID id,
        int position,
        UUID donorId,
        String donorCode,
        UUID collectionPointId,
        String place,
        String donorAddress,
        StopOutcome outcome,
        Integer containers,
        String note,
        Instant recordedAt,
        String recordedBy) {

    StopView withDonorAddress(String address) {
        return new StopView(
                id,
                position,
                donorId,
                donorCode,
                collectionPointId,
                place,
                address,
                outcome,
                containers,
                note,
                recordedAt,
                recordedBy);
    }
}
