package org.openmilkbank.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.RawMilk;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The run command's demo bank: a newcomer must see milk in every state, built through the real rules. */
@SpringBootTest(properties = "openmilkbank.demo.enabled=true")
@ActiveProfiles("test")
class DemoBankTests {

    @Autowired
    DonorManagement donors;

    @Autowired
    RawMilk rawMilk;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    Inventory inventory;

    @Autowired
    DispensingManagement dispensing;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Clock clock;

    @Test
    void theDemoBankHoldsMilkInEveryStateAndStaffForEveryRole() {
        LocalDate today = LocalDate.now(clock);

        List<DonorView> all = donors.search("");
        assertThat(all).hasSizeGreaterThanOrEqualTo(10);
        assertThat(all)
                .anySatisfy(d -> assertThat(donors.eligibilityOn(d.id(), today).eligible())
                        .isFalse());
        assertThat(all)
                .filteredOn(d -> donors.eligibilityOn(d.id(), today).eligible())
                .hasSizeGreaterThan(5);

        assertThat(rawMilk.usableForPooling(today)).isNotEmpty();

        assertThat(runs.list(null))
                .extracting(RunView::state)
                .contains(
                        RunState.FAILED,
                        RunState.QUARANTINE,
                        RunState.CULTURE_NEGATIVE,
                        RunState.RELEASED,
                        RunState.DISCARDED);

        assertThat(inventory.inState(null))
                .extracting(BottleView::state)
                .contains(BottleState.QUARANTINE, BottleState.RELEASED, BottleState.DISCARDED, BottleState.DISPENSED);

        var infants = dispensing.search("");
        assertThat(infants).hasSizeGreaterThanOrEqualTo(4);
        assertThat(infants).anySatisfy(i -> assertThat(i.consentGiven()).isFalse());
        assertThat(infants)
                .anySatisfy(i -> assertThat(dispensing.dispensesOf(i.id())).isNotEmpty());

        DemoBank.STAFF.forEach(s -> assertThat(identity.findByUsername(s.username()))
                .hasValueSatisfying(a -> assertThat(a.roles()).containsExactly(s.role())));
    }

    @Test
    void theDemoFillsOnlyTheEmbeddedDatabaseUnlessToldOtherwise() {
        assertThat(DemoRunner.enabled("", "")).isTrue();
        assertThat(DemoRunner.enabled(null, "jdbc:postgresql://db/milkbank")).isFalse();
        assertThat(DemoRunner.enabled("true", "jdbc:postgresql://db/milkbank")).isTrue();
        assertThat(DemoRunner.enabled("false", "")).isFalse();
    }
}
