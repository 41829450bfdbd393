package org.openmilkbank.processing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;

/**
 * A pool's volume accounted to the mL: what was pooled is always what its runs bottled, what was sampled, what was
 * discarded and what is left for the next run. A movement that would take more than is left is refused.
 */
public record PoolVolume(
        int pooledMl, int bottledMl, int sampledMl, int discardedMl, int returnedMl, List<Movement> movements) {

    /** One movement, with who made it and when; a bottling names its run and its bottle line. */
    public record Movement(
            VolumeMovementKind kind,
            int volumeMl,
            UUID runId,
            String runCode,
            Integer bottleCount,
            Integer bottleMl,
            RemainderReason reason,
            String note,
            Instant at,
            String by) {

        /** The run's code as people read it: its pool's DIN with the check character and its number. */
        public String runCodeWithCheck() {
            return PoolVolume.runCodeWithCheck(runCode);
        }
    }

    public PoolVolume {
        movements = List.copyOf(movements);
    }

    /** The account of a pool from its movements in the order they were made. */
    public static PoolVolume of(int pooledMl, List<Movement> movements) {
        PoolVolume account = new PoolVolume(pooledMl, 0, 0, 0, 0, List.of());
        for (Movement m : movements) {
            account = account.with(m);
        }
        return account;
    }

    /** What is still in the pool, available for the next run. */
    @JsonProperty("leftMl")
    public int leftMl() {
        return pooledMl - bottledMl - sampledMl - discardedMl;
    }

    /** Whether any of it went into bottles of a passed run. */
    public boolean anyBottled() {
        return bottledMl > 0;
    }

    /** Refuses taking {@code askedMl} when less is left, naming the numbers. */
    public void checkCanTake(int askedMl, String poolDin) {
        if (askedMl > leftMl()) {
            throw new RuleViolation("processing.volume.moreThanLeft", askedMl, leftMl(), pooledMl, poolDin);
        }
    }

    /** The account after one more movement; refuses a movement of no volume or of more than is left. */
    public PoolVolume with(Movement m) {
        if (m.volumeMl() <= 0) {
            throw new RuleViolation("processing.volume.nothingMoved", m.volumeMl());
        }
        if (m.kind() != VolumeMovementKind.RETURNED && m.volumeMl() > leftMl()) {
            throw new RuleViolation("processing.volume.moreThanLeft", m.volumeMl(), leftMl(), pooledMl, "—");
        }
        List<Movement> all = new ArrayList<>(movements);
        all.add(m);
        return switch (m.kind()) {
            case BOTTLED -> new PoolVolume(pooledMl, bottledMl + m.volumeMl(), sampledMl, discardedMl, returnedMl, all);
            case SAMPLED -> new PoolVolume(pooledMl, bottledMl, sampledMl + m.volumeMl(), discardedMl, returnedMl, all);
            case DISCARDED ->
                new PoolVolume(pooledMl, bottledMl, sampledMl, discardedMl + m.volumeMl(), returnedMl, all);
            case RETURNED ->
                new PoolVolume(pooledMl, bottledMl, sampledMl, discardedMl, returnedMl + m.volumeMl(), all);
        };
    }

    /** A run's code as people read it: its pool's DIN with the check character, {@code -R<n>}. */
    static String runCodeWithCheck(String runCode) {
        if (runCode == null || !runCode.contains("-R")) {
            return runCode;
        }
        int at = runCode.lastIndexOf("-R");
        return Din.parse(runCode.substring(0, at)).withCheck() + runCode.substring(at);
    }
}
