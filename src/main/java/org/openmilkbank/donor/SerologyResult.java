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
import org.openmilkbank.shared.Said;

/** One laboratory result for one test of a donor's blood sample. Voided with a reason, never deleted. */
@Entity
@Table(name = "serology_result")
class SerologyResult {

    @Id
    private UUID id;

    @Column(name = "donor_id", nullable = false)
    private UUID donorId;

    @Column(nullable = false)
    private String test;

    @Column(name = "sample_date", nullable = false)
    private LocalDate sampleDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SerologyOutcome outcome;

    @Column(name = "lab_reference")
    private String labReference;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(nullable = false)
    private boolean voided;

    @Column(name = "void_reason")
    private String voidReason;

    @Column(name = "voided_by")
    private String voidedBy;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Version
    private long version;

    protected SerologyResult() {}

    SerologyResult(
            UUID donorId,
            String test,
            LocalDate sampleDate,
            SerologyOutcome outcome,
            String labReference,
            Instant now,
            String actor) {
        this.id = UUID.randomUUID();
        this.donorId = donorId;
        this.test = test;
        this.sampleDate = sampleDate;
        this.outcome = outcome;
        this.labReference = labReference;
        this.recordedAt = now;
        this.recordedBy = actor;
    }

    void voidWith(String reason, Instant now, String actor) {
        if (voided) {
            throw new RuleViolation("donor.serology.alreadyVoided", test, sampleDate);
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        this.voided = true;
        this.voidReason = reason.strip();
        this.voidedAt = now;
        this.voidedBy = actor;
    }

    UUID donorId() {
        return donorId;
    }

    /** What the history says of it: {@code <key>.detail} reads test, outcome, sample date and lab reference. */
    Said said(String key) {
        return Said.of(key, test, Said.code("donor.outcome." + outcome.name()), sampleDate, labReference);
    }

    SerologyView view() {
        return new SerologyView(
                id, donorId, test, sampleDate, outcome, labReference, recordedAt, recordedBy, voided, voidReason);
    }
}
