package org.openmilkbank.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class LabelPrintsTests {

    @Autowired
    LabelPrints prints;

    @Autowired
    History history;

    @Test
    void aFirstLabelNeedsNoReasonButAReprintDoesAndIsRecorded() {
        Din din = Din.of("A0001", 26, 910_001);
        Staff.as(
                "labtech",
                org.openmilkbank.shared.Role.LAB_TECHNICIAN,
                () -> prints.record(List.of(din), LabelPrinter.Output.PDF, LabelFormat.A4_SHEET, null));
        assertThat(prints.printedBefore(din)).isTrue();

        assertThatThrownBy(() -> prints.record(List.of(din), LabelPrinter.Output.PDF, LabelFormat.A4_SHEET, " "))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("label.reprint.reasonRequired");

        Staff.as(
                "labtech",
                org.openmilkbank.shared.Role.LAB_TECHNICIAN,
                () -> prints.record(List.of(din), LabelPrinter.Output.ZPL, LabelFormat.ROLL_50X25, "label smudged"));
        assertThat(history.of("Label", din.value()))
                .extracting(History.HistoryEntry::action, History.HistoryEntry::reason, History.HistoryEntry::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Label printed", null, "labtech"),
                        org.assertj.core.groups.Tuple.tuple("Label reprinted", "label smudged", "labtech"));
    }

    @Test
    void aRefusedReprintRecordsNothingForTheOtherLabelsOfThePrint() {
        Din printed = Din.of("A0001", 26, 910_002);
        Din fresh = Din.of("A0001", 26, 910_003);
        prints.record(List.of(printed), LabelPrinter.Output.PDF, LabelFormat.A4_SHEET, null);

        assertThatThrownBy(() ->
                        prints.record(List.of(fresh, printed), LabelPrinter.Output.PDF, LabelFormat.A4_SHEET, null))
                .isInstanceOf(RuleViolation.class);

        assertThat(prints.printedBefore(fresh)).isFalse();
    }
}
