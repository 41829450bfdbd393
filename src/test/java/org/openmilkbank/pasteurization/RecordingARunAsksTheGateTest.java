package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.processing.TestProfiles;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.MilkGate;
import org.springframework.context.ApplicationEventPublisher;

/** Recording a run: the pool is locked, then the gate is asked at the run's start; a refusal records nothing. */
class RecordingARunAsksTheGateTest {

    PasteurisationRunRepository repository = mock(PasteurisationRunRepository.class);
    PoolManagement pools = mock(PoolManagement.class);
    Inventory inventory = mock(Inventory.class);
    Standards standards = mock(Standards.class);
    History history = mock(History.class);
    MilkGate gate = mock(MilkGate.class);
    Holds holds = mock(Holds.class);
    ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    PoolView pool = PasteurisationRunTest.pool(PoolState.READY, 1000);
    PasteurisationManagement runs = new PasteurisationManagement(
            repository,
            pools,
            inventory,
            standards,
            history,
            Clock.fixed(PasteurisationRunTest.NOW, ZoneOffset.UTC),
            gate,
            holds,
            events,
            new org.springframework.context.support.StaticMessageSource(),
            mock(org.openmilkbank.shared.Signatures.class),
            mock(org.openmilkbank.lab.LabManagement.class),
            mock(org.openmilkbank.lab.SamplingPlans.class),
            mock(org.openmilkbank.processing.PoolVolumes.class),
            mock(RunInstruments.class));

    RunRecord record() {
        RunRecord r = PasteurisationRunTest.record("62.5", 30, 2, 100);
        return new RunRecord(
                pool.id(),
                r.device(),
                r.startedAt(),
                r.endedAt(),
                r.holdTemperatureC(),
                r.holdMinutes(),
                r.bottleCount(),
                r.bottleVolumeMl());
    }

    {
        when(standards.activeProfile()).thenReturn(TestProfiles.nice());
        when(pools.lockForPasteurisation(pool.id())).thenReturn(Optional.of(pool));
    }

    @Test
    void asksTheGateAtTheRunsStartAfterLockingThePool() {
        RunRecord record = record();
        runs.recordRun(record);
        InOrder order = inOrder(pools, gate, repository);
        order.verify(pools).lockForPasteurisation(pool.id());
        order.verify(gate).require(pool.id(), GateUse.PASTEURISE, record.startedAt());
        order.verify(repository).saveAndFlush(any());
    }

    @Test
    void aRunTheGateRefusesIsNotRecorded() {
        // e.g. dated before its pool was made or its milk expressed: the gate names the reasons
        RunRecord record = record();
        doThrow(new RuleViolation("gate.refused.PASTEURISE"))
                .when(gate)
                .require(pool.id(), GateUse.PASTEURISE, record.startedAt());
        assertThatThrownBy(() -> runs.recordRun(record)).isInstanceOf(RuleViolation.class);
        verify(repository, never()).saveAndFlush(any());
        verify(repository, never()).save(any());
        verify(events, never()).publishEvent(any(Object.class));
        verify(inventory, never()).stockQuarantined(any(), any(), eq(2), eq(100), any());
    }

    @Test
    void aPassedRunIsAUnitNamedByItsPoolAndNumberAndWaitsUnderACultureHold() {
        RunView run = runs.recordRun(record());
        ArgumentCaptor<Object> published = ArgumentCaptor.forClass(Object.class);
        verify(events).publishEvent(published.capture());
        RunRecorded recorded = (RunRecorded) published.getValue();
        assertThat(recorded.code()).isEqualTo(pool.din() + "-R1");
        assertThat(recorded.passed()).isTrue();
        verify(holds).placeOnUnits(HoldKind.CULTURE, List.of(run.id()), "culture.pending", List.of(), null, null);
    }
}
