package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A recall opened from a donor, or from a window of days of one donor, holds her milk of those days that arrives
 * while the case is open, not only the units she had already given; the case shows that hold and ends it as the
 * manager decides when it closes.
 */
@IntegrationTest
class RecallHoldsLaterMilkTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Recalls recalls;

    @Autowired
    Holds holds;

    @Autowired
    MilkGate gate;

    @Autowired
    CollectionManagement collection;

    @Autowired
    JdbcClient jdbc;

    String manager;
    RecallFixture.Made made;
    UUID donorId;
    String donorCode;

    @BeforeEach
    void pathWithADispensedBottle() {
        manager = Staff.create(identity, Role.MANAGER);
        made = RecallFixture.poolWithADispensedBottle(context);
        donorId = made.containers().get(0).donorId();
        donorCode = jdbc.sql("select donor_code from donor where id = :id")
                .param("id", donorId)
                .query(String.class)
                .single();
    }

    @Test
    void aDonorRecallHoldsHerMilkThatArrivesLaterUntilTheCaseClosesAsDecided() {
        RecallCase opened = asManager(() -> recalls.open(RecallSource.donor(donorCode), "donor recall test"));
        HoldView window = onlyWindow(opened);
        assertThat(window.kind()).isEqualTo(HoldKind.RECALL);
        assertThat(window.reasonCode()).isEqualTo("recall");
        assertThat(window.windowFrom()).isNull();
        assertThat(window.windowTo()).isNull();

        RawContainerView later = receive(DispensingFixtures.today().minusDays(1));
        assertThat(later.state()).isEqualTo(ContainerState.HELD);
        Verdict verdict = gate.preview(later.id(), GateUse.POOL);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.reasons()).extracting(Verdict.Reason::code).contains("hold.reason.recall");

        settleTasks(opened);
        Map<UUID, HoldOutcome> outcomes = new HashMap<>();
        opened.units().forEach(u -> outcomes.put(u.id(), HoldOutcome.RELEASED));
        assertThatThrownBy(() -> asManager(() -> recalls.close(opened.code(), "done", outcomes, Locale.ENGLISH)))
                .as("ending the window as discarded while her later milk is still in the bank would free it")
                .hasMessageContaining("recall.close.stillInBank");
        assertThat(holds.find(window.id()).orElseThrow().active()).isTrue();

        outcomes.put(window.id(), HoldOutcome.RELEASED);
        RecallCase closed = asManager(() -> recalls.close(opened.code(), "false alarm", outcomes, Locale.ENGLISH));
        assertThat(closed.open()).isFalse();
        HoldView ended = holds.find(window.id()).orElseThrow();
        assertThat(ended.active()).isFalse();
        assertThat(ended.outcome()).isEqualTo(HoldOutcome.RELEASED);
        assertThat(gate.preview(later.id(), GateUse.POOL).reasons())
                .extracting(Verdict.Reason::code)
                .doesNotContain("hold.reason.recall");
    }

    @Test
    void aWindowRecallOfOneDonorHoldsHerLaterMilkOfThoseDaysOnly() {
        LocalDate today = DispensingFixtures.today();
        RecallCase opened = asManager(() -> recalls.open(
                RecallSource.window(
                        RecallSource.WindowBasis.EXPRESSED, today.minusDays(5), today.minusDays(2), donorCode),
                "window recall test"));
        HoldView window = onlyWindow(opened);
        assertThat(window.windowFrom()).isEqualTo(today.minusDays(5));
        assertThat(window.windowTo()).isEqualTo(today.minusDays(2));

        RawContainerView inside = receive(today.minusDays(2));
        assertThat(inside.state()).isEqualTo(ContainerState.HELD);
        assertThat(gate.preview(inside.id(), GateUse.POOL).reasons())
                .extracting(Verdict.Reason::code)
                .contains("hold.reason.recall");

        RawContainerView after = receive(today.minusDays(1));
        assertThat(after.state()).isEqualTo(ContainerState.RAW_FROZEN);
        assertThat(gate.preview(after.id(), GateUse.POOL).reasons())
                .extracting(Verdict.Reason::code)
                .doesNotContain("hold.reason.recall");
    }

    @Test
    void aRecallFromAUnitPlacesNoDonorWindow() {
        RecallCase opened = asManager(() -> recalls.open(RecallSource.unit(made.poolDin()), "unit recall test"));
        assertThat(opened.windowHolds()).isEmpty();
    }

    private HoldView onlyWindow(RecallCase opened) {
        List<HoldView> windows = opened.windowHolds();
        assertThat(windows).hasSize(1);
        assertThat(windows.get(0).donorId()).isEqualTo(donorId);
        assertThat(windows.get(0).recallId()).isEqualTo(opened.id());
        return windows.get(0);
    }

    private RawContainerView receive(LocalDate expressedOn) {
        RawContainerView[] received = new RawContainerView[1];
        Staff.asSystem(() -> received[0] = DonorFixtures.receive(collection, donorId, expressedOn, 300)
                .containers()
                .get(0));
        return received[0];
    }

    private void settleTasks(RecallCase opened) {
        for (RecallCase.Task task : opened.tasks()) {
            asManager(() -> recalls.mark(opened.code(), task.id(), RecallCase.MarkKind.DONE, null));
        }
    }

    private <T> T asManager(Supplier<T> action) {
        Object[] result = new Object[1];
        Staff.as(manager, Role.MANAGER, () -> result[0] = action.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
