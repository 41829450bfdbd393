package org.openmilkbank.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.labeling.DinIssuer;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkGate;
import org.openmilkbank.traceability.Verdict;
import org.springframework.context.ApplicationEventPublisher;

/** A run's bottles are released only when the gate allows every one of them; otherwise none is (escape 3b). */
class ReleasingARunsBottlesTest {

    static final Instant NOW = Instant.parse("2026-07-02T09:00:00Z");

    BottleRepository repository = mock(BottleRepository.class);
    MilkGate gate = mock(MilkGate.class);
    ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    BottleStock stock = new BottleStock(
            repository,
            mock(DinIssuer.class),
            mock(History.class),
            Clock.fixed(NOW, ZoneOffset.UTC),
            mock(EntityManager.class),
            gate,
            mock(Holds.class),
            events);
    UUID runId = UUID.randomUUID();
    Bottle expired = BottleTest.quarantined();
    Bottle other = BottleTest.quarantined();

    @Test
    void refusesToReleaseARunWhoseBottlesHaveExpiredNamingEveryReasonAndReleasesNone() {
        when(repository.lockByRunId(runId)).thenReturn(List.of(expired, other));
        when(gate.check(expired.id(), GateUse.RELEASE, NOW)).thenReturn(refused(expired, "gate.clock.expired"));
        when(gate.check(other.id(), GateUse.RELEASE, NOW)).thenReturn(refused(other, "hold.reason.recall"));

        assertThatThrownBy(() -> stock.releaseRun(runId, NOW)).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.code()).isEqualTo("inventory.release.refused");
            assertThat(e.reasons())
                    .extracting(r -> r.getCodes()[0])
                    .containsExactly("gate.clock.expired", "hold.reason.recall");
        });
        assertThat(expired.state()).isEqualTo(BottleState.QUARANTINE);
        assertThat(other.state()).isEqualTo(BottleState.QUARANTINE);
        verify(events, never()).publishEvent(any(Object.class));
    }

    @Test
    void releasesEveryBottleTheGateAllowsAndRecordsItInTheLineage() {
        when(repository.lockByRunId(runId)).thenReturn(List.of(expired, other));
        when(gate.check(any(), any(), any()))
                .thenAnswer(a -> new Verdict(a.getArgument(0), "x", GateUse.RELEASE, List.of()));

        stock.releaseRun(runId, NOW);

        assertThat(expired.state()).isEqualTo(BottleState.RELEASED);
        verify(events)
                .publishEvent(new BottlesChanged(List.of(expired.id(), other.id()), MilkEventType.RELEASED, null, NOW));
    }

    private static Verdict refused(Bottle bottle, String code) {
        return new Verdict(
                bottle.id(),
                bottle.displayDin(),
                GateUse.RELEASE,
                List.of(new Verdict.Reason(code, List.of(bottle.displayDin()), null)));
    }
}
