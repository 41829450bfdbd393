package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmilkbank.traceability.RecallCase.Mark;
import org.openmilkbank.traceability.RecallCase.MarkKind;
import org.openmilkbank.traceability.RecallCase.TaskStatus;
import org.openmilkbank.traceability.RecallPreview.Whereabouts;

class RecallRulesTest {

    @Test
    void aDispensedBottleIsOnAWardToRetrieve() {
        assertThat(RecallScope.whereabouts(MilkUnitKind.BOTTLE, "DISPENSED", false, false, false))
                .isEqualTo(Whereabouts.ON_WARD);
        assertThat(RecallScope.whereabouts(MilkUnitKind.BOTTLE, "RELEASED", false, true, false))
                .isEqualTo(Whereabouts.ON_WARD);
    }

    @Test
    void aFedUnitIsNotHeldButItsInfantsClinicianIsTold() {
        assertThat(RecallScope.whereabouts(MilkUnitKind.BOTTLE, "DISPENSED", true, true, false))
                .isEqualTo(Whereabouts.FED);
    }

    @Test
    void milkStillInStockIsInTheBankToDiscard() {
        assertThat(RecallScope.whereabouts(MilkUnitKind.BOTTLE, "RELEASED", false, false, false))
                .isEqualTo(Whereabouts.IN_BANK);
        assertThat(RecallScope.whereabouts(MilkUnitKind.BOTTLE, "QUARANTINE", false, false, false))
                .isEqualTo(Whereabouts.IN_BANK);
        assertThat(RecallScope.whereabouts(MilkUnitKind.CONTAINER, "RAW_FROZEN", false, false, false))
                .isEqualTo(Whereabouts.IN_BANK);
        assertThat(RecallScope.whereabouts(MilkUnitKind.POOL, "READY", false, false, false))
                .isEqualTo(Whereabouts.IN_BANK);
    }

    @Test
    void aUnitWithoutAStateRowCountsAsInTheBank() {
        assertThat(RecallScope.whereabouts(MilkUnitKind.ALIQUOT, null, false, false, false))
                .isEqualTo(Whereabouts.IN_BANK);
    }

    @Test
    void milkMadeIntoOtherUnitsIsRecalledWithThem() {
        assertThat(RecallScope.whereabouts(MilkUnitKind.CONTAINER, "POOLED", false, false, false))
                .isEqualTo(Whereabouts.USED);
        assertThat(RecallScope.whereabouts(MilkUnitKind.POOL, "PASTEURISED", false, false, false))
                .isEqualTo(Whereabouts.USED);
        assertThat(RecallScope.whereabouts(MilkUnitKind.RUN, "RELEASED", false, false, false))
                .isEqualTo(Whereabouts.USED);
    }

    @Test
    void discardedOrFailedMilkIsGone() {
        assertThat(RecallScope.whereabouts(MilkUnitKind.BOTTLE, "DISCARDED", false, false, false))
                .isEqualTo(Whereabouts.GONE);
        assertThat(RecallScope.whereabouts(MilkUnitKind.RUN, "FAILED", false, false, false))
                .isEqualTo(Whereabouts.GONE);
        assertThat(RecallScope.whereabouts(MilkUnitKind.BOTTLE, "RELEASED", false, false, true))
                .isEqualTo(Whereabouts.GONE);
    }

    @Test
    void aTasksStatusIsItsLatestMarkAndAnUndoReopensIt() {
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        assertThat(Recalls.status(List.of())).isEqualTo(TaskStatus.OPEN);
        assertThat(Recalls.status(List.of(new Mark(MarkKind.DONE, null, at, "m"))))
                .isEqualTo(TaskStatus.DONE);
        assertThat(Recalls.status(List.of(
                        new Mark(MarkKind.DONE, null, at, "m"), new Mark(MarkKind.REOPENED, "mistake", at, "m"))))
                .isEqualTo(TaskStatus.OPEN);
        assertThat(Recalls.status(List.of(new Mark(MarkKind.WAIVED, "not reachable", at, "m"))))
                .isEqualTo(TaskStatus.WAIVED);
    }
}
