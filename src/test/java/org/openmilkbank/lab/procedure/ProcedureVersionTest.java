package org.openmilkbank.lab.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;

/** Each edit of a bank's procedure is a whole new version; a bad edit is refused on its field. */
class ProcedureVersionTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static final List<ProcedureVersion.Step> STANDARD = List.of(
            new ProcedureVersion.Step(1, "lab.procedure.dornic.step.1", null),
            new ProcedureVersion.Step(2, "lab.procedure.dornic.step.2", null),
            new ProcedureVersion.Step(3, "lab.procedure.dornic.step.3", null));

    static ProcedureVersion edit(ProcedureChange change, Integer position, String text) {
        return ProcedureVersion.next(
                "OURS", Procedure.DORNIC, 1, STANDARD, change, position, text, "validated", "admin", NOW);
    }

    static String refusal(ProcedureChange change, Integer position, String text, String reason) {
        try {
            ProcedureVersion.next("OURS", Procedure.DORNIC, 1, STANDARD, change, position, text, reason, "a", NOW);
        } catch (RuleViolation v) {
            return v.code() + "@" + v.field().orElse("");
        }
        throw new AssertionError("not refused");
    }

    @Test
    void rewordingAStepKeepsTheOthersAsTheStandardsKeysInTheNextVersion() {
        ProcedureVersion v = edit(ProcedureChange.REWORD, 2, "ໄຕເຕຣດສາມຄັ້ງ");

        assertThat(v.number()).isEqualTo(2);
        assertThat(v.steps())
                .extracting(ProcedureVersion.Step::key)
                .containsExactly("lab.procedure.dornic.step.1", null, "lab.procedure.dornic.step.3");
        assertThat(v.steps().get(1).ownText()).isEqualTo("ໄຕເຕຣດສາມຄັ້ງ");
        assertThat(v.steps()).extracting(ProcedureVersion.Step::position).containsExactly(1, 2, 3);
    }

    @Test
    void addingMovingAndRetiringRenumberTheSteps() {
        assertThat(edit(ProcedureChange.ADD, null, "Wash hands").steps())
                .extracting(ProcedureVersion.Step::ownText)
                .containsExactly(null, null, null, "Wash hands");
        assertThat(edit(ProcedureChange.ADD, 1, "Wash hands").steps().get(0).ownText())
                .isEqualTo("Wash hands");
        assertThat(edit(ProcedureChange.MOVE_UP, 3, null).steps())
                .extracting(ProcedureVersion.Step::key)
                .containsExactly(
                        "lab.procedure.dornic.step.1", "lab.procedure.dornic.step.3", "lab.procedure.dornic.step.2");
        assertThat(edit(ProcedureChange.MOVE_DOWN, 1, null).steps().get(1).key())
                .isEqualTo("lab.procedure.dornic.step.1");
        assertThat(edit(ProcedureChange.RETIRE, 2, null).steps())
                .extracting(ProcedureVersion.Step::position)
                .containsExactly(1, 2);
    }

    @Test
    void refusesAnEditWithoutAReasonOrWordsOrOnAStepTheProcedureHasNot() {
        assertThat(refusal(ProcedureChange.REWORD, 1, "x", " ")).isEqualTo("lab.procedure.edit.reasonRequired@reason");
        assertThat(refusal(ProcedureChange.REWORD, 1, "  ", "r")).isEqualTo("lab.procedure.edit.textRequired@text");
        assertThat(refusal(ProcedureChange.RETIRE, 4, null, "r")).isEqualTo("lab.procedure.edit.noSuchStep@position");
        assertThat(refusal(ProcedureChange.ADD, 5, "x", "r")).isEqualTo("lab.procedure.edit.noSuchStep@position");
        assertThat(refusal(ProcedureChange.MOVE_UP, 1, null, "r"))
                .isEqualTo("lab.procedure.edit.alreadyFirst@position");
        assertThat(refusal(ProcedureChange.MOVE_DOWN, 3, null, "r"))
                .isEqualTo("lab.procedure.edit.alreadyLast@position");
        assertThat(refusal(null, 1, null, "r")).isEqualTo("lab.procedure.edit.changeRequired@change");
        assertThat(refusal(ProcedureChange.ADD, null, "x".repeat(501), "r"))
                .isEqualTo("lab.procedure.edit.textTooLong@text");
    }

    @Test
    void refusesRetiringTheLastStep() {
        assertThatThrownBy(() -> ProcedureVersion.next(
                        "OURS",
                        Procedure.DORNIC,
                        3,
                        List.of(new ProcedureVersion.Step(1, null, "only")),
                        ProcedureChange.RETIRE,
                        1,
                        null,
                        "r",
                        "a",
                        NOW))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.code()).isEqualTo("lab.procedure.edit.lastStep"));
    }
}
