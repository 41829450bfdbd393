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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

/** A donor's deferral. Lifted (temporary only) or voided with a reason, never deleted. */
@Entity
@Table(name = "deferral")
class Deferral {

    @Id
    private UUID id;

    @Column(name = "donor_id", nullable = false)
    private UUID donorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeferralCategory category;

    @Column(nullable = false)
    private boolean permanent;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    private LocalDate until;

    @Column(name = "retest_required", nullable = false)
    private boolean retestRequired;

    @Column(nullable = false)
    private String reason;

    @Column(name = "screening_id")
    private UUID screeningId;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "lifted_at")
    private Instant liftedAt;

    @Column(name = "lifted_by")
    private String liftedBy;

    @Column(name = "lift_reason")
    private String liftReason;

    @Column(nullable = false)
    private boolean voided;

    @Column(name = "void_reason")
    private String voidReason;

    @Version
    private long version;

    protected Deferral() {}

    Deferral(
            UUID donorId,
            DeferralCategory category,
            boolean permanent,
            LocalDate startsOn,
            LocalDate until,
            boolean retestRequired,
            String reason,
            UUID screeningId,
            Instant now,
            String actor) {
        if (category == null) {
            throw new RuleViolation("donor.deferral.categoryRequired").on("category");
        }
        if (startsOn == null) {
            throw new RuleViolation("donor.deferral.startRequired").on("startsOn");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("donor.deferral.reasonRequired").on("reason");
        }
        if (permanent && (until != null || retestRequired)) {
            throw new RuleViolation("donor.deferral.permanentHasNoEnd").on("until");
        }
        if (until != null && until.isBefore(startsOn)) {
            throw new RuleViolation("donor.deferral.endsBeforeStart", until, startsOn).on("until");
        }
        if (retestRequired && until == null) {
            throw new RuleViolation("donor.deferral.retestNeedsEnd");
        }
        this.id = UUID.randomUUID();
        this.donorId = donorId;
        this.category = category;
        this.permanent = permanent;
        this.startsOn = startsOn;
        this.until = until;
        this.retestRequired = retestRequired;
        this.reason = reason.strip();
        this.screeningId = screeningId;
        this.recordedAt = now;
        this.recordedBy = actor;
    }

    /** Lifts a temporary deferral; the caller has checked the negative re-test where one is required. */
    void lift(String why, Instant now, String actor) {
        if (voided || liftedAt != null) {
            throw new RuleViolation("donor.deferral.notStanding");
        }
        if (permanent) {
            throw new RuleViolation("donor.deferral.permanentCannotBeLifted");
        }
        if (why == null || why.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        this.liftedAt = now;
        this.liftedBy = actor;
        this.liftReason = why.strip();
    }

    void voidWith(String why) {
        if (voided) {
            throw new RuleViolation("donor.deferral.notStanding");
        }
        if (why == null || why.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        this.voided = true;
        this.voidReason = why.strip();
    }

    UUID id() {
        return id;
    }

    UUID donorId() {
        return donorId;
    }

    /** What the history says of it: {@code <key>.detail} reads the category, its period and then {@code more}. */
    Said said(String key, Object... more) {
        Said period = permanent
                ? Said.code("donor.history.period.permanent")
                : until == null
                        ? Said.of("donor.history.period.untilLifted" + (retestRequired ? "Retest" : ""), startsOn)
                        : Said.of("donor.history.period.until" + (retestRequired ? "Retest" : ""), startsOn, until);
        List<Object> args = new ArrayList<>(List.of(Said.code("donor.category." + category.name()), period));
        args.addAll(Arrays.asList(more));
        return new Said(key, args);
    }

    DeferralView view() {
        return new DeferralView(
                id,
                donorId,
                category,
                permanent,
                startsOn,
                until,
                retestRequired,
                reason,
                recordedAt,
                recordedBy,
                liftedAt,
                liftedBy,
                liftReason,
                voided);
    }
}
