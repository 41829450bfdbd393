package org.openmilkbank.traceability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recall as a case: its source and reason, the units and infants affected at opening (frozen then), its tasks
 * and, once closed, the summary and how each unit's hold ended.
 */
public record RecallCase(
        UUID id,
        String code,
        RecallSource source,
        String sourceLabel,
        String reason,
        Status status,
        Instant openedAt,
        String openedBy,
        Instant closedAt,
        String closedBy,
        String closingSummary,
        boolean hasReport,
        List<RecallPreview.Unit> units,
        List<RecallPreview.Infant> infants,
        List<Task> tasks,
        List<HoldView> holds) {

    public RecallCase {
        units = List.copyOf(units);
        infants = List.copyOf(infants);
        tasks = List.copyOf(tasks);
        holds = List.copyOf(holds);
    }

    public enum Status {
        OPEN,
        CLOSED
    }

    public enum TaskKind {
        RETRIEVE("recall.task.said.retrieve"),
        DISCARD("recall.task.said.discard"),
        INFORM_CLINICIAN("recall.task.said.informClinician");

        private final String said;

        TaskKind(String said) {
            this.said = said;
        }

        /** The kind as a history argument (history keys carry no underscores). */
        public String said() {
            return said;
        }
    }

    public enum TaskStatus {
        OPEN,
        DONE,
        WAIVED
    }

    /** One mark on a task; the latest decides its status. */
    public enum MarkKind {
        DONE,
        WAIVED,
        REOPENED
    }

    public record Mark(MarkKind mark, String note, Instant at, String by) {}

    /** @param target the unit's label, or the infant's code for telling her clinician */
    public record Task(
            UUID id,
            int number,
            TaskKind kind,
            UUID unitId,
            UUID infantId,
            String target,
            String ward,
            TaskStatus status,
            List<Mark> marks) {

        public Task {
            marks = List.copyOf(marks);
        }

        public Mark latest() {
            return marks.isEmpty() ? null : marks.get(marks.size() - 1);
        }

        public boolean settled() {
            return status != TaskStatus.OPEN;
        }
    }

    /** A line of the list of recalls. */
    public record Summary(
            String code,
            Status status,
            RecallSource.Kind sourceKind,
            String sourceLabel,
            Instant openedAt,
            String openedBy,
            Instant closedAt,
            int unitCount,
            int infantCount,
            int openTasks) {}

    public RecallPreview asPreview() {
        return new RecallPreview(source, sourceLabel, units, infants);
    }

    public long openTaskCount() {
        return tasks.stream().filter(t -> !t.settled()).count();
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    /** The recall's holds on a donor's window: her milk of those days that arrives while the case is open. */
    public List<HoldView> windowHolds() {
        return holds.stream().filter(h -> h.scope() == HoldScope.DONOR_WINDOW).toList();
    }

    /** The recall hold on the unit, if it had one. */
    public HoldView holdOn(UUID unitId) {
        return holds.stream().filter(h -> unitId.equals(h.unitId())).findFirst().orElse(null);
    }
}
