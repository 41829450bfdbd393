package org.openmilkbank.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The sampling plan's decision for one run, kept as it was made: sampled itself, or resting on a sampled run. */
@Entity
@Table(name = "lab_run_plan")
class RunPlan {

    @Id
    @Column(name = "run_id")
    private UUID runId;

    @Column(name = "run_label", nullable = false)
    private String runLabel;

    @Column(name = "run_day", nullable = false)
    private LocalDate runDay;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "decided_by", nullable = false)
    private String decidedBy;

    @Column(name = "profile_code", nullable = false)
    private String profileCode;

    @Column(nullable = false)
    private boolean sampled;

    @Enumerated(EnumType.STRING)
    private SamplingReason reason;

    @Column(name = "rests_on")
    private UUID restsOn;

    @Column(name = "runs_since", nullable = false)
    private int runsSince;

    @Column(name = "days_since")
    private Integer daysSince;

    @Version
    private long version;

    protected RunPlan() {}

    static RunPlan decided(
            UUID runId,
            String runLabel,
            LocalDate runDay,
            SamplingPlan.Decision decision,
            UUID restsOn,
            String profileCode,
            String by,
            Instant now) {
        if (decision.sampled() == (restsOn != null)) {
            throw new IllegalArgumentException("a run is either sampled or rests on a sampled run");
        }
        RunPlan plan = new RunPlan();
        plan.runId = runId;
        plan.runLabel = runLabel;
        plan.runDay = runDay;
        plan.decidedAt = now;
        plan.decidedBy = by;
        plan.profileCode = profileCode;
        plan.sampled = decision.sampled();
        plan.reason = decision.reason();
        plan.restsOn = restsOn;
        plan.runsSince = decision.runsSince();
        plan.daysSince = decision.daysSince();
        return plan;
    }

    UUID runId() {
        return runId;
    }

    String runLabel() {
        return runLabel;
    }

    LocalDate runDay() {
        return runDay;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    boolean sampled() {
        return sampled;
    }

    SamplingReason reason() {
        return reason;
    }

    UUID restsOn() {
        return restsOn;
    }

    int runsSince() {
        return runsSince;
    }

    Integer daysSince() {
        return daysSince;
    }

    String profileCode() {
        return profileCode;
    }
}
