package org.openmilkbank.storage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stock take of a place: the units scanned and, once finished, the differences between what was found and what
 * the records expected ({@code expected}: how many units the records had in the place then).
 */
public record StockTakeView(
        UUID id,
        UUID placeId,
        String place,
        Status status,
        Instant startedAt,
        String startedBy,
        Instant finishedAt,
        String finishedBy,
        int expected,
        List<Scanned> scanned,
        List<Difference> differences) {

    public enum Status {
        OPEN,
        FINISHED
    }

    public enum DifferenceKind {
        MISSING,
        EXTRA
    }

    public record Scanned(UUID unitId, String label, Instant at, String by) {}

    /** {@code expectedPlace}: where the records had the unit (null: nowhere). */
    public record Difference(
            UUID id,
            UUID unitId,
            String label,
            DifferenceKind kind,
            String expectedPlace,
            StockTakeReason reason,
            String note,
            boolean movedHere,
            Instant explainedAt,
            String explainedBy) {

        public boolean explained() {
            return explainedAt != null;
        }
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    public long unexplained() {
        return differences.stream().filter(d -> !d.explained()).count();
    }
}
