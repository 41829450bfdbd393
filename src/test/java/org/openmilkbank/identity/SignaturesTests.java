package org.openmilkbank.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.Signatures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class SignaturesTests {

    @Autowired
    Signatures signatures;

    @Autowired
    IdentityManagement identity;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecondPersonSignsWithHerOwnPasswordAndTheSignatureKeepsWhatSheAttested() {
        String labtech = Staff.create(identity, Role.LAB_TECHNICIAN);
        UUID run = UUID.randomUUID();

        Staff.as(
                labtech,
                Role.LAB_TECHNICIAN,
                () -> tx.executeWithoutResult(s -> signatures.sign(
                        Staff.PASSWORD,
                        "run",
                        run,
                        Said.code("pasteurization.signature.release"),
                        List.of(Said.code("pasteurization.attest.cultureNegative")))));

        var signed = signatures.of("run", run);
        assertThat(signed).singleElement().satisfies(sig -> {
            assertThat(sig.username()).isEqualTo(labtech);
            assertThat(sig.meaning().key()).isEqualTo("pasteurization.signature.release");
            assertThat(sig.attestations())
                    .extracting(Said::key)
                    .containsExactly("pasteurization.attest.cultureNegative");
        });
    }

    @Test
    void aWrongOrMissingPasswordSignsNothingAndNamesThePasswordField() {
        String labtech = Staff.create(identity, Role.LAB_TECHNICIAN);
        UUID run = UUID.randomUUID();

        for (String wrong : new String[] {"not-her-password", "", null}) {
            Staff.as(
                    labtech,
                    Role.LAB_TECHNICIAN,
                    () -> assertThatThrownBy(() -> tx.executeWithoutResult(
                                    s -> signatures.sign(wrong, "run", run, Said.code("x.meaning"), List.of())))
                            .isInstanceOfSatisfying(RuleViolation.class, e -> {
                                assertThat(e.code()).isEqualTo("signature.password.wrong");
                                assertThat(e.field()).contains("signaturePassword");
                            }));
        }
        assertThat(signatures.of("run", run)).isEmpty();
    }

    @Test
    void aSecondNurseCountersignsWithHerOwnPasswordAndNeitherTheFirstNurseNorAnotherRoleMay() {
        String first = Staff.create(identity, Role.NURSE);
        String second = Staff.create(identity, Role.NURSE);
        String dispenser = Staff.create(identity, Role.DISPENSER);
        UUID feed = UUID.randomUUID();
        Said meaning = Said.code("ward.signature.override");

        Staff.as(first, Role.NURSE, () -> {
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> signatures.countersign(
                            first, Staff.PASSWORD, Role.NURSE, "WardFeed", feed, meaning, List.of())))
                    .isInstanceOfSatisfying(
                            RuleViolation.class, e -> assertThat(e.code()).isEqualTo("signature.countersign.self"));
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> signatures.countersign(
                            dispenser, Staff.PASSWORD, Role.NURSE, "WardFeed", feed, meaning, List.of())))
                    .isInstanceOfSatisfying(RuleViolation.class, e -> {
                        assertThat(e.code()).isEqualTo("signature.countersign.role");
                        assertThat(e.field()).contains("countersignPassword");
                    });
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> signatures.countersign(
                            second, "not-her-password", Role.NURSE, "WardFeed", feed, meaning, List.of())))
                    .isInstanceOfSatisfying(
                            RuleViolation.class, e -> assertThat(e.code()).isEqualTo("signature.password.wrong"));
            assertThat(signatures.of("WardFeed", feed)).isEmpty();

            tx.executeWithoutResult(s ->
                    signatures.countersign(second, Staff.PASSWORD, Role.NURSE, "WardFeed", feed, meaning, List.of()));
        });
        assertThat(signatures.of("WardFeed", feed))
                .singleElement()
                .satisfies(sig -> assertThat(sig.username()).isEqualTo(second));
    }

    @Test
    void signaturesCannotBeChangedOrRemoved() {
        String labtech = Staff.create(identity, Role.LAB_TECHNICIAN);
        UUID run = UUID.randomUUID();
        Staff.as(
                labtech,
                Role.LAB_TECHNICIAN,
                () -> tx.executeWithoutResult(
                        s -> signatures.sign(Staff.PASSWORD, "run", run, Said.code("x.meaning"), List.of())));

        assertThatThrownBy(() -> jdbc.sql("update signature set username = 'someone' where record_id = :id")
                        .param("id", run.toString())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from signature where record_id = :id")
                        .param("id", run.toString())
                        .update())
                .hasMessageContaining("append-only");
    }
}
