package org.openmilkbank.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;

/** A bottle sent to another bank leaves the stock for good; one from another bank has no run or pool here. */
class BottleTransferTest {

    static final Din DIN = Din.of("A0001", 26, 7);
    static final LocalDate EXPIRY = LocalDate.of(2026, 9, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

    static Bottle released() {
        Bottle b = Bottle.quarantined(DIN, UUID.randomUUID(), UUID.randomUUID(), 100, EXPIRY, Instant.EPOCH);
        b.release();
        return b;
    }

    @Test
    void aReleasedFrozenInDateBottleIsTransferredAndCannotBeDispensedOrDiscardedHereAnyMore() {
        Bottle b = released();
        b.transferOut(TODAY);
        assertThat(b.state()).isEqualTo(BottleState.TRANSFERRED);
        assertThatThrownBy(() -> b.dispense(TODAY))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("inventory.bottle.transferred");
        assertThatThrownBy(() -> b.discard("broken")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> b.transferOut(TODAY)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void quarantinedExpiredOrThawedMilkIsNotTransferred() {
        Bottle q = Bottle.quarantined(DIN, UUID.randomUUID(), UUID.randomUUID(), 100, EXPIRY, Instant.EPOCH);
        assertThatThrownBy(() -> q.transferOut(TODAY)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> released().transferOut(EXPIRY.plusDays(1))).isInstanceOf(RuleViolation.class);
        Bottle thawed = released();
        Instant at = TODAY.atStartOfDay(ZoneId.of("UTC")).toInstant();
        thawed.thaw(ThawMethod.FRIDGE, at, at, ExpiryProfiles.builtIn().get(0), ZoneId.of("UTC"));
        assertThatThrownBy(() -> thawed.transferOut(TODAY))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("inventory.transfer.thawed");
    }

    @Test
    void aBottleFromAnotherBankIsReleasedStockWithItsOwnDinOrDiscardedOnArrival() {
        UUID transfer = UUID.randomUUID();
        Bottle in = Bottle.fromAnotherBank(DIN, "A0001", transfer, 100, EXPIRY, null, null, Instant.EPOCH, null);
        assertThat(in.state()).isEqualTo(BottleState.RELEASED);
        assertThat(in.view().runId()).isNull();
        assertThat(in.view().sourceFacility()).isEqualTo("A0001");
        assertThat(in.view().transferId()).isEqualTo(transfer);
        in.dispense(TODAY);
        assertThat(in.state()).isEqualTo(BottleState.DISPENSED);

        Bottle warm = Bottle.fromAnotherBank(
                DIN, "A0001", transfer, 100, EXPIRY, null, null, Instant.EPOCH, "transfer.tooWarm");
        assertThat(warm.state()).isEqualTo(BottleState.DISCARDED);
        assertThat(warm.discardReason()).isEqualTo("transfer.tooWarm");
    }
}
