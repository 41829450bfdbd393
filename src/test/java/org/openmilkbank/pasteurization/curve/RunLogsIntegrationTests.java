package org.openmilkbank.pasteurization.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.CurveRuns;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class RunLogsIntegrationTests {

    static final UUID CONTROL_BOTTLE = UUID.fromString("6a0c5b9e-4f1d-4e0b-9d8a-1c2e3f4a5b01");

    @Autowired
    ApplicationContext context;

    @Autowired
    RunLogs logs;

    @Autowired
    CurveRuns curveRuns;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcTemplate jdbc;

    RunView awaitingRun(ProcessingFixtures.Technicians techs) {
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 300, 300);
        RunView[] run = new RunView[1];
        Staff.as(
                techs.recorder(),
                org.openmilkbank.shared.Role.LAB_TECHNICIAN,
                () -> run[0] = curveRuns.recordAwaitingLog(ProcessingFixtures.holderRun(pool.id(), 4, 100)));
        return run[0];
    }

    CurveView imported(ProcessingFixtures.Technicians techs, RunView run, double plateau) {
        CurveView[] v = new CurveView[1];
        byte[] file = Logs.bytes(Logs.controlBottle(run.startedAt(), 90, plateau));
        Staff.as(
                techs.recorder(),
                org.openmilkbank.shared.Role.LAB_TECHNICIAN,
                () -> v[0] = logs.importLog(run.id(), CONTROL_BOTTLE, "cycle.csv", file, null));
        return v[0];
    }

    @Test
    void aRunAwaitingItsLogHasNoBottlesAndCannotBeReleased() {
        var techs = ProcessingFixtures.Technicians.create(context);
        RunView run = awaitingRun(techs);

        assertThat(run.state()).isEqualTo(RunState.AWAITING_LOG);
        assertThat(inventory.bottlesOfRun(run.id())).isEmpty();
        Staff.as(
                techs.releaser(),
                org.openmilkbank.shared.Role.LAB_TECHNICIAN,
                () -> assertThatThrownBy(() -> runs.release(run.id(), Staff.PASSWORD))
                        .isInstanceOfSatisfying(
                                RuleViolation.class,
                                e -> assertThat(e.code()).isEqualTo("pasteurization.curve.release.awaitingLog")));
    }

    @Test
    void aPassingLogPutsTheBottlesInQuarantine() {
        var techs = ProcessingFixtures.Technicians.create(context);
        RunView run = awaitingRun(techs);

        CurveView curve = imported(techs, run, 63.0);

        assertThat(curve.passed()).isTrue();
        assertThat(curve.readings()).hasSize(90);
        RunView after = runs.find(run.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(RunState.QUARANTINE);
        assertThat(after.holdMinutes()).isEqualTo(40);
        assertThat(inventory.bottlesOfRun(run.id())).hasSize(4);
        assertThat(logs.curve(run.id())).isPresent();
    }

    @Test
    void aFailingLogFailsTheRunWithTheFailedRulesAsItsReason() {
        var techs = ProcessingFixtures.Technicians.create(context);
        RunView run = awaitingRun(techs);

        CurveView curve = imported(techs, run, 62.0);

        assertThat(curve.passed()).isFalse();
        RunView after = runs.find(run.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(RunState.FAILED);
        assertThat(after.failureCodes()).extracting(s -> s.key()).contains("pasteurization.curve.rule.hold");
        assertThat(inventory.bottlesOfRun(run.id())).isEmpty();
    }

    @Test
    void aHostileFileChangesNothing() {
        var techs = ProcessingFixtures.Technicians.create(context);
        RunView run = awaitingRun(techs);
        String file = Logs.controlBottle(run.startedAt(), 90, 63.0).replace("63.0", "sixty-three");

        Staff.as(
                techs.recorder(),
                org.openmilkbank.shared.Role.LAB_TECHNICIAN,
                () -> assertThatThrownBy(
                                () -> logs.importLog(run.id(), CONTROL_BOTTLE, "bad.csv", Logs.bytes(file), null))
                        .isInstanceOf(RuleViolation.class));

        assertThat(runs.find(run.id()).orElseThrow().state()).isEqualTo(RunState.AWAITING_LOG);
        assertThat(jdbc.queryForObject(
                        "select count(*) from pasteurization_run_reading where run_id = ?", Integer.class, run.id()))
                .isZero();
        assertThat(logs.curve(run.id())).isEmpty();
    }

    @Test
    void aLaterFailingLogDiscardsAPassedRunAndItsBottles() {
        var techs = ProcessingFixtures.Technicians.create(context);
        RunView run = awaitingRun(techs);
        imported(techs, run, 63.0);
        byte[] second = Logs.bytes(Logs.controlBottle(run.startedAt(), 90, 62.2));

        Staff.as(techs.recorder(), org.openmilkbank.shared.Role.LAB_TECHNICIAN, () -> {
            assertThatThrownBy(() -> logs.importLog(run.id(), CONTROL_BOTTLE, "again.csv", second, " "))
                    .isInstanceOfSatisfying(
                            RuleViolation.class,
                            e -> assertThat(e.code()).isEqualTo("pasteurization.curve.import.reasonRequired"));
            logs.importLog(run.id(), CONTROL_BOTTLE, "again.csv", second, "the first file was of probe 2");
        });

        assertThat(runs.find(run.id()).orElseThrow().state()).isEqualTo(RunState.DISCARDED);
        assertThat(inventory.bottlesOfRun(run.id()))
                .allSatisfy(b -> assertThat(b.state().name()).isEqualTo("DISCARDED"));
    }

    @Test
    void aTypedSheetJudgesTheRunByTheSheetGap() {
        var techs = ProcessingFixtures.Technicians.create(context);
        RunView run = awaitingRun(techs);
        java.time.ZoneId zone = context.getBean(java.time.Clock.class).getZone();
        java.time.LocalDateTime start = run.startedAt().atZone(zone).toLocalDateTime();
        java.util.List<SheetForm.Row> rows = new java.util.ArrayList<>();
        for (int m = 0; m <= 85; m += 5) {
            String c = m < 20 ? String.valueOf(20 + m * 2) : m <= 60 ? "63,0" : m == 65 ? "30" : "3,5";
            rows.add(new SheetForm.Row(start.plusMinutes(m).toLocalTime().toString(), c));
        }
        SheetForm form = new SheetForm(start.toLocalDate(), "Control bottle", rows, "");

        CurveView[] v = new CurveView[1];
        Staff.as(
                techs.recorder(),
                org.openmilkbank.shared.Role.LAB_TECHNICIAN,
                () -> v[0] = logs.typeSheet(run.id(), form));

        assertThat(v[0].rules()).extracting(RuleResult::outcome).doesNotContain(RuleOutcome.FAILED);
        assertThat(runs.find(run.id()).orElseThrow().state()).isEqualTo(RunState.QUARANTINE);
    }
}
