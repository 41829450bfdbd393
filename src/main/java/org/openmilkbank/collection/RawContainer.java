package org.openmilkbank.collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

/** A container of raw frozen milk with its own DIN: in the raw store until it is pooled or discarded. */
@Entity
@Table(name = "raw_container")
class RawContainer {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String din;

    @Column(name = "donation_id", nullable = false)
    private UUID donationId;

    @Column(name = "donor_id", nullable = false)
    private UUID donorId;

    @Column(name = "volume_ml", nullable = false)
    private int volumeMl;

    @Column(name = "expressed_on", nullable = false)
    private LocalDate expressedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContainerState state;

    @Column(name = "pool_id")
    private UUID poolId;

    @Column(name = "discard_reason")
    private String discardReason;

    @Column(name = "line_no")
    private Integer lineNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContainerCondition condition;

    @Column(name = "weight_g")
    private Integer weightG;

    @Column(name = "expressed_at")
    private LocalTime expressedAt;

    /** Why reception held it, as reason codes with their arguments (JSON), rendered in the reader's language. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "hold_reason")
    private String holdReasons;

    @Enumerated(EnumType.STRING)
    @Column(name = "reject_reason")
    private RejectReason rejectReason;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "label_code")
    private String labelCode;

    @Version
    private long version;

    protected RawContainer() {}

    RawContainer(String din, UUID donationId, UUID donorId, int volumeMl, LocalDate expressedOn) {
        this(
                din,
                donationId,
                donorId,
                1,
                new ContainerIntake(volumeMl, expressedOn),
                ReceptionOutcome.accepted(),
                null);
    }

    /** A container as reception decided it: in the raw store, held for its donor, or rejected with the reason. */
    RawContainer(
            String din,
            UUID donationId,
            UUID donorId,
            int lineNo,
            ContainerIntake intake,
            ReceptionOutcome outcome,
            Instant decidedAt) {
        this.id = UUID.randomUUID();
        this.din = din;
        this.donationId = donationId;
        this.donorId = donorId;
        this.lineNo = lineNo;
        this.volumeMl = intake.resolvedVolumeMl();
        this.weightG = intake.volumeMl() == null ? intake.weightG() : null;
        this.expressedOn = intake.expressedOn();
        this.expressedAt = intake.expressedAt();
        this.condition = intake.conditionOrIntact();
        this.state = outcome.state();
        this.holdReasons = HoldReasons.write(outcome.holdReasons());
        this.rejectReason = outcome.rejectReason();
        this.decidedAt = decidedAt;
        this.labelCode = intake.cleanLabelCode();
    }

    /** The donor was cleared: held milk joins the raw store. */
    void release(Instant at) {
        requireHeld();
        this.state = ContainerState.RAW_FROZEN;
        this.decidedAt = at;
    }

    /** The donor's status resolved against this milk: held milk is rejected for good. */
    void rejectHeld(RejectReason reason, Instant at) {
        requireHeld();
        this.state = ContainerState.REJECTED;
        this.rejectReason = reason;
        this.decidedAt = at;
    }

    private void requireHeld() {
        if (state != ContainerState.HELD) {
            throw new RuleViolation("collection.container.notHeld", din, state);
        }
    }

    /** Whether milk expressed on that day is still within the raw-milk age limit on {@code today}. */
    static boolean withinAgeLimit(LocalDate expressedOn, LocalDate today, int rawMaxAgeDays) {
        return !expressedOn.plusDays(rawMaxAgeDays).isBefore(today);
    }

    /**
     * Takes the container into a pool. Only a raw frozen container can be; whether its milk may be pooled now
     * (holds, donor windows, its age) is the gate's to say, asked before this.
     */
    void pool(UUID poolId) {
        requireRawFrozen();
        this.state = ContainerState.POOLED;
        this.poolId = poolId;
    }

    void discard(String reason) {
        requireRawFrozen();
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        this.state = ContainerState.DISCARDED;
        this.discardReason = reason.strip();
    }

    /** Discarded by a coded decision (the lab's quality control): the reasons are data on the decider's record. */
    void discardCoded() {
        requireRawFrozen();
        this.state = ContainerState.DISCARDED;
    }

    private void requireRawFrozen() {
        if (state != ContainerState.RAW_FROZEN) {
            throw new RuleViolation("collection.container.notRawFrozen", din, state);
        }
    }

    UUID id() {
        return id;
    }

    String din() {
        return din;
    }

    UUID donationId() {
        return donationId;
    }

    UUID donorId() {
        return donorId;
    }

    int volumeMl() {
        return volumeMl;
    }

    LocalDate expressedOn() {
        return expressedOn;
    }

    ContainerState state() {
        return state;
    }

    UUID poolId() {
        return poolId;
    }

    String discardReason() {
        return discardReason;
    }

    int lineNo() {
        return lineNo == null ? 0 : lineNo;
    }

    ContainerCondition condition() {
        return condition;
    }

    Integer weightG() {
        return weightG;
    }

    LocalTime expressedAt() {
        return expressedAt;
    }

    /** Why reception held it: reason codes with their arguments. */
    List<Said> holdReasons() {
        return HoldReasons.read(holdReasons);
    }

    /** Held again on a new decision: the reasons it is still held for replace the earlier ones. */
    void stillHeld(List<Said> reasons) {
        requireHeld();
        this.holdReasons = HoldReasons.write(reasons);
    }

    RejectReason rejectReason() {
        return rejectReason;
    }

    /** As reception recorded it; {@code holdReason} is the reasons rendered in the reader's language. */
    ReceivedContainer received(String donorCode, String holdReason) {
        return new ReceivedContainer(
                view(donorCode),
                lineNo(),
                condition,
                weightG,
                expressedAt,
                labelCode,
                holdReason,
                HoldReasons.read(holdReasons).stream().map(Said::key).toList(),
                rejectReason,
                decidedAtReception());
    }

    /**
     * What reception decided, from reception's own record: reasons to hold are written only by reception (and
     * reworded while it stays held), a reject reason on milk never held only by reception.
     */
    ContainerState decidedAtReception() {
        if (!holdReasons().isEmpty()) {
            return ContainerState.HELD;
        }
        return rejectReason != null ? ContainerState.REJECTED : ContainerState.RAW_FROZEN;
    }

    RawContainerView view(String donorCode) {
        return new RawContainerView(id, din, donationId, donorId, donorCode, volumeMl, expressedOn, state);
    }
}
