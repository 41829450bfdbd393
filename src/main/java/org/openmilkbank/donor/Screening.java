package org.openmilkbank.donor;

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
import org.openmilkbank.shared.RuleViolation;

/** A screening interview and its sign-off by one or two different staff members, as the profile asks. */
@Entity
@Table(name = "screening")
class Screening {

    enum State {
        AWAITING_APPROVAL,
        APPROVED,
        VOIDED
    }

    @Id
    private UUID id;

    @Column(name = "donor_id", nullable = false)
    private UUID donorId;

    @Column(name = "questionnaire_id", nullable = false)
    private UUID questionnaireId;

    @Column(name = "interviewed_on", nullable = false)
    private LocalDate interviewedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InterviewMode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "approvals_required", nullable = false)
    private int approvalsRequired;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "first_approved_by")
    private String firstApprovedBy;

    @Column(name = "first_approved_at")
    private Instant firstApprovedAt;

    @Column(name = "second_approved_by")
    private String secondApprovedBy;

    @Column(name = "second_approved_at")
    private Instant secondApprovedAt;

    @Column(name = "void_reason")
    private String voidReason;

    @Version
    private long version;

    protected Screening() {}

    Screening(
            UUID donorId,
            UUID questionnaireId,
            LocalDate interviewedOn,
            InterviewMode mode,
            int approvalsRequired,
            Instant now,
            String actor) {
        if (approvalsRequired < 1 || approvalsRequired > 2) {
            throw new IllegalArgumentException("A screening needs one or two approvals");
        }
        this.id = UUID.randomUUID();
        this.donorId = donorId;
        this.questionnaireId = questionnaireId;
        this.interviewedOn = interviewedOn;
        this.mode = mode;
        this.state = State.AWAITING_APPROVAL;
        this.approvalsRequired = approvalsRequired;
        this.recordedAt = now;
        this.recordedBy = actor;
    }

    /** Adds the actor's approval; true when it completes the sign-off. */
    boolean approve(String actor, Instant now) {
        if (state != State.AWAITING_APPROVAL) {
            throw new RuleViolation("donor.screening.notAwaitingApproval", interviewedOn);
        }
        if (firstApprovedBy == null) {
            firstApprovedBy = actor;
            firstApprovedAt = now;
        } else if (firstApprovedBy.equals(actor)) {
            throw new RuleViolation("donor.screening.secondApproverMustDiffer", actor);
        } else {
            secondApprovedBy = actor;
            secondApprovedAt = now;
        }
        int approvals = secondApprovedBy == null ? 1 : 2;
        if (approvals >= approvalsRequired) {
            state = State.APPROVED;
            return true;
        }
        return false;
    }

    void voidWith(String reason) {
        if (state == State.VOIDED) {
            throw new RuleViolation("donor.screening.alreadyVoided", interviewedOn);
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required");
        }
        state = State.VOIDED;
        voidReason = reason.strip();
    }

    UUID id() {
        return id;
    }

    UUID donorId() {
        return donorId;
    }

    UUID questionnaireId() {
        return questionnaireId;
    }

    LocalDate interviewedOn() {
        return interviewedOn;
    }

    InterviewMode mode() {
        return mode;
    }

    State state() {
        return state;
    }

    int approvalsRequired() {
        return approvalsRequired;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    String recordedBy() {
        return recordedBy;
    }

    String firstApprovedBy() {
        return firstApprovedBy;
    }

    String secondApprovedBy() {
        return secondApprovedBy;
    }
}
