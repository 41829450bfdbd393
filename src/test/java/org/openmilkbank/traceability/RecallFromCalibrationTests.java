package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A recall that starts from a calibration reaches the runs pasteurisation judged to fail with the instrument's error
 * applied, and through them every bottle and the infant already fed; runs that still pass are left out.
 */
@IntegrationTest
class RecallFromCalibrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Recalls recalls;

    @Autowired
    JdbcClient jdbc;

    String manager;
    RecallFixture.Made failing;
    RecallFixture.Made passing;

    @BeforeEach
    void twoRunsMeasuredByOneThermometer() {
        manager = Staff.create(identity, Role.MANAGER);
        failing = RecallFixture.poolWithADispensedBottle(context);
        passing = RecallFixture.poolWithADispensedBottle(context);
    }

    @Test
    void reachesTheBottlesAndInfantOfEveryRunThatNoLongerPasses() {
        UUID calibration = UUID.randomUUID();
        judged(calibration, failing.runId(), false);
        judged(calibration, passing.runId(), true);

        RecallPreview preview = asManager(() -> recalls.preview(RecallSource.calibration(calibration)));

        assertThat(preview.sourceLabel()).startsWith("TH-07 · ");
        assertThat(preview.units())
                .extracting(RecallPreview.Unit::id)
                .contains(failing.runId())
                .containsAll(failing.bottles().stream().map(b -> b.id()).toList())
                .doesNotContain(passing.runId())
                .doesNotContainAnyElementsOf(
                        passing.bottles().stream().map(b -> b.id()).toList());
        assertThat(preview.infants())
                .extracting(RecallPreview.Infant::infantCode)
                .containsExactly(failing.infant().infantCode());

        RecallCase opened = asManager(() -> recalls.open(
                RecallSource.calibration(calibration), "Thermometer TH-07 read 0.8 °C high at its calibration"));
        assertThat(opened.source().kind()).isEqualTo(RecallSource.Kind.CALIBRATION);
        assertThat(opened.units()).extracting(RecallPreview.Unit::id).contains(failing.runId());
    }

    @Test
    void aCalibrationWhoseRunsAllStillPassHasNothingToRecall() {
        UUID calibration = UUID.randomUUID();
        judged(calibration, passing.runId(), true);

        assertThatThrownBy(() -> asManager(() -> recalls.preview(RecallSource.calibration(calibration))))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("recall.source.calibration.nothingFails");
        assertThatThrownBy(() -> asManager(() -> recalls.preview(RecallSource.calibration(UUID.randomUUID()))))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("recall.source.calibration.unknown");
        assertThatThrownBy(() -> asManager(() -> recalls.preview(
                        new RecallSource(RecallSource.Kind.CALIBRATION, "not-an-id", null, null, null))))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("recall.source.calibration.unknown");
    }

    private void judged(UUID calibration, UUID runId, boolean stillPasses) {
        jdbc.sql("""
                        insert into pasteurization_calibration_impact
                               (id, calibration_id, equipment_id, equipment_code, found_at, error_c, run_id,
                                measured_as, passed_before, still_passes, judged_at, judged_by)
                        values (:id, :calibration, :equipment, 'TH-07', :at, 0.8, :run, 'PROBE', true, :passes, :at,
                                'manager')
                        """)
                .param("id", UUID.randomUUID())
                .param("calibration", calibration)
                .param("equipment", UUID.randomUUID())
                .param("at", Timestamp.from(Instant.now()))
                .param("run", runId)
                .param("passes", stillPasses)
                .update();
    }

    private <T> T asManager(java.util.function.Supplier<T> action) {
        Object[] result = new Object[1];
        Staff.as(manager, Role.MANAGER, () -> result[0] = action.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
