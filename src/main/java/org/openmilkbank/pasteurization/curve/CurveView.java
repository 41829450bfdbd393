package org.openmilkbank.pasteurization.curve;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.equipment.log.Reading;
import org.openmilkbank.shared.Said;

/**
 * A run's current log as the run page, its PDF and the API show it: the readings of every probe, the thresholds they
 * were judged against, every rule of the verdict, and what was noticed on import.
 */
public record CurveView(
        UUID runId,
        UUID logId,
        ReadingSource source,
        String layoutName,
        String fileName,
        String sha256,
        int rowCount,
        int readingCount,
        String recordedBy,
        Instant recordedAt,
        boolean passed,
        boolean secondLook,
        List<Said> secondLookReasons,
        List<Said> warnings,
        List<RuleResult> rules,
        Instant holdFrom,
        Instant holdUntil,
        BigDecimal holdTemperatureC,
        BigDecimal ceilingC,
        BigDecimal coolingTargetC,
        List<Reading> readings,
        int supersededLogs) {

    /** The probes in the order they first read. */
    public List<String> probes() {
        return readings.stream().map(Reading::probe).distinct().toList();
    }
}
