package org.openmilkbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class BadInputTooLongTest {

    private static DataIntegrityViolationException refused(String state, String message) {
        return new DataIntegrityViolationException("refused", new SQLException(message, state));
    }

    @Test
    void namesTheColumnOfALengthLimit() {
        BadInput bad = BadInput.ofTooLong(
                        refused(
                                "23514",
                                "ERROR: new row for relation \"bottle\" violates check constraint \"bottle__discard_reason__max_length\""))
                .orElseThrow();

        assertThat(bad.code()).isEqualTo("error.input.tooLong");
        assertThat(bad.field()).isEqualTo("discard_reason");
        assertThat(bad.args()).containsExactly("discard_reason", 4000);
    }

    @Test
    void namesTheColumnWhenTheTableNameWasHashedToFitPostgresql() {
        BadInput bad = BadInput.ofTooLong(
                        refused("23514", "violates check constraint \"0a1b2c3d__closing_summary__max_length\""))
                .orElseThrow();

        assertThat(bad.field()).isEqualTo("closing_summary");
    }

    @Test
    void leavesOtherCheckConstraintsAndOtherRefusalsAlone() {
        assertThat(BadInput.ofTooLong(refused("23514", "violates check constraint \"bottle_state_check\"")))
                .isEmpty();
        assertThat(BadInput.ofTooLong(
                        refused("23505", "duplicate key value violates unique constraint \"x__max_length\"")))
                .isEmpty();
    }
}
