package org.openmilkbank.equipment;

import java.time.Instant;
import java.util.UUID;

/**
 * A pasteuriser's heat-penetration study (Brazil, rBLH): the load it was made with ({@code maxBottles} of
 * {@code bottleVolumeMl}, {@code maxVolumeMl} in all), the preheat minutes it found, its cold-point probe, and how
 * many cycles it holds for ({@code validForCycles}, 0: the profile required none when it was recorded). A repair of
 * the pasteuriser or a deviation over the profile's limit invalidates it from {@code invalidatedAt}.
 */
public record HeatPenetrationStudyView(
        UUID id,
        UUID pasteuriserId,
        Instant studiedAt,
        String studiedBy,
        int maxBottles,
        int bottleVolumeMl,
        int maxVolumeMl,
        int preheatMinutes,
        UUID coldPointProbeId,
        int validForCycles,
        String note,
        Instant invalidatedAt,
        InvalidationCause invalidationCause,
        String invalidationReason) {

    /** Not invalidated at that moment (cycles are counted by whoever runs the pasteuriser). */
    public boolean validAt(Instant at) {
        return !at.isBefore(studiedAt) && (invalidatedAt == null || at.isBefore(invalidatedAt));
    }
}
