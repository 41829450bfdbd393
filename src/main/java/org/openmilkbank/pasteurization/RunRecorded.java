package org.openmilkbank.pasteurization;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;
import org.openmilkbank.traceability.MilkUnitKind;

/**
 * A pasteuriser cycle of a pool was recorded: the run is a unit of its own (named by its pool's DIN and its number on
 * the pool), made from the pool, pasteurised or failed.
 */
public record RunRecorded(
        UUID runId, UUID poolId, String code, boolean passed, String method, Instant startedAt, Instant endedAt)
        implements MilkHandled {

    /** A run's code: its pool's 13-character DIN and its number on the pool, {@code A000126000001-R1}. */
    public static String code(String poolDin, int number) {
        return poolDin + "-R" + number;
    }

    @Override
    public MilkHandling handling() {
        return MilkHandling.builder()
                .unitNamed(runId, code, MilkUnitKind.RUN, startedAt)
                .link(poolId, runId, null, startedAt)
                .event(
                        runId,
                        passed ? MilkEventType.PASTEURISED : MilkEventType.CYCLE_FAILED,
                        endedAt,
                        null,
                        Map.of("method", method, "startedAt", startedAt.toString(), "endedAt", endedAt.toString()))
                .build();
    }
}
