package org.openmilkbank.pasteurization;

import java.util.List;
import java.util.UUID;
import org.openmilkbank.processing.PoolVolumes;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

/** What a run takes from its pool's volume account, and how its bottles and hold read in its history. */
final class RunDraws {

    private RunDraws() {}

    static PoolVolumes.RunDraw of(PasteurisationRun run, String code) {
        return new PoolVolumes.RunDraw(
                run.id(),
                code,
                run.passed(),
                run.bottleLines().stream()
                        .map(l -> new PoolVolumes.RunDraw.Line(l.volumeMl(), l.count()))
                        .toList(),
                run.sampledMl());
    }

    /** Refuses, on the bottle count, a run that takes more than is left of its pool. */
    static void checkCanTake(PoolVolumes volumes, UUID poolId, PasteurisationRun run) {
        try {
            volumes.checkCanTake(poolId, BottleLines.totalMl(run.bottleLines()) + run.sampledMl());
        } catch (RuleViolation refused) {
            throw refused.field().isPresent() ? refused : refused.on("bottleCount");
        }
    }

    /** The bottle lines as history arguments: "20 × 50 mL" each. */
    static List<Said> lines(List<BottleLine> lines) {
        return lines.stream()
                .map(l -> Said.of("pasteurization.runs.line", l.count(), l.volumeMl()))
                .toList();
    }

    /** The hold as typed: "62.5 °C · 30 min" or, for HTST, "72.0 °C · 15 s". */
    static Said hold(RunRecord r) {
        return r.methodOrHolder() == PasteurisationMethod.HTST
                ? Said.of(
                        "pasteurization.runs.holdSeconds", r.holdTemperatureC().toPlainString(), r.holdSeconds())
                : Said.of("pasteurization.run.hold", r.holdTemperatureC().toPlainString(), r.holdMinutes());
    }
}
