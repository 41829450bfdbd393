package org.openmilkbank.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

/** A container's own lifecycle; a block or deferral of its donor is a hold beside it, never one of its states. */
class RawContainerTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final String DIN = Din.of("A0001", 26, 501).value();

    static RawContainer rawFrozen() {
        return new RawContainer(DIN, UUID.randomUUID(), UUID.randomUUID(), 200, TODAY.minusDays(3));
    }

    static RawContainer held(List<Said> reasons) {
        return new RawContainer(
                DIN,
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                new ContainerIntake(200, TODAY),
                ReceptionOutcome.held(reasons),
                Instant.EPOCH);
    }

    @Test
    void noStateSaysBlocked() {
        assertThat(Arrays.stream(ContainerState.values()).map(Enum::name)).doesNotContain("BLOCKED");
    }

    @Test
    void onlyARawFrozenContainerCanBePooled() {
        RawContainer c = rawFrozen();
        UUID pool = UUID.randomUUID();
        c.pool(pool);
        assertThat(c.state()).isEqualTo(ContainerState.POOLED);
        assertThat(c.poolId()).isEqualTo(pool);
        assertThatThrownBy(() -> c.pool(UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("collection.container.notRawFrozen"));
        RawContainer heldOne = held(List.of(Said.of("donor.eligibility.screeningPending")));
        assertThatThrownBy(() -> heldOne.pool(UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("collection.container.notRawFrozen"));
    }

    @Test
    void holdReasonsAreKeptAsCodesWithTheirArgumentsAndReadBackEqual() {
        List<Said> reasons = List.of(
                Said.of("donor.eligibility.deferredUntil", LocalDate.of(2026, 4, 1)),
                Said.of(CollectionManagement.HELD_BY_WINDOW));
        RawContainer c = held(reasons);
        assertThat(c.holdReasons()).isEqualTo(reasons);
        assertThat(c.received("D00001", "words").holdReasonCodes())
                .containsExactly("donor.eligibility.deferredUntil", CollectionManagement.HELD_BY_WINDOW);
        c.stillHeld(List.of(Said.of("donor.eligibility.awaitingRetest")));
        assertThat(c.holdReasons()).containsExactly(Said.of("donor.eligibility.awaitingRetest"));
    }

    @Test
    void aHoldReasonWrittenBeforeCodesStaysReadableAsItWas() {
        assertThat(HoldReasons.read("[{\"key\": \"collection.holdReason.legacy\", \"args\": [\"chờ xét nghiệm\"]}]"))
                .containsExactly(Said.of("collection.holdReason.legacy", "chờ xét nghiệm"));
        assertThat(HoldReasons.read(null)).isEmpty();
        assertThat(HoldReasons.write(List.of())).isNull();
    }

    @Test
    void heldMilkIsReleasedOrRejectedOnlyFromHeld() {
        RawContainer c = held(List.of(Said.of("donor.eligibility.screeningPending")));
        c.rejectHeld(RejectReason.DONOR_BLOCKED, Instant.EPOCH);
        assertThat(c.state()).isEqualTo(ContainerState.REJECTED);
        assertThat(c.rejectReason()).isEqualTo(RejectReason.DONOR_BLOCKED);
        assertThatThrownBy(() -> c.release(Instant.EPOCH))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("collection.container.notHeld"));
    }
}
