package org.openmilkbank.equipment;

import java.time.Instant;

/** A heat-penetration study as recorded; {@code coldPointProbeCode} is the probe at the cold point, by its code. */
public record NewHeatPenetrationStudy(
        Instant studiedAt,
        Integer bottleCount,
        Integer bottleVolumeMl,
        Integer preheatMinutes,
        String coldPointProbeCode,
        String note) {}
