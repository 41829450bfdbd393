package org.openmilkbank.pasteurization.curve;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One temperature log of a run (a logger's file or a typed sheet) and its verdict; a later log supersedes it. */
@Entity
@Table(name = "pasteurization_run_log")
class RunLog {

    @Id
    private UUID id;

    @Column(name = "run_id")
    private UUID runId;

    @Enumerated(EnumType.STRING)
    private ReadingSource source;

    @Column(name = "layout_id")
    private UUID layoutId;

    @Column(name = "file_name")
    private String fileName;

    private String sha256;

    @Column(name = "row_count")
    private int rowCount;

    @Column(name = "reading_count")
    private int readingCount;

    @JdbcTypeCode(SqlTypes.JSON)
    private String warnings;

    @JdbcTypeCode(SqlTypes.JSON)
    private String verdict;

    private boolean passed;

    @Column(name = "second_look")
    private boolean secondLook;

    @Column(name = "hold_from")
    private Instant holdFrom;

    @Column(name = "hold_until")
    private Instant holdUntil;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Column(name = "superseded_by")
    private UUID supersededBy;

    @Column(name = "superseded_reason")
    private String supersededReason;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    @Version
    private long version;

    protected RunLog() {}

    static RunLog of(
            UUID runId,
            ReadingSource source,
            UUID layoutId,
            String fileName,
            String sha256,
            int rowCount,
            int readingCount,
            String warnings,
            CurveVerdict verdict,
            String by,
            Instant now) {
        RunLog l = new RunLog();
        l.id = UUID.randomUUID();
        l.runId = runId;
        l.source = source;
        l.layoutId = layoutId;
        l.fileName = fileName;
        l.sha256 = sha256;
        l.rowCount = rowCount;
        l.readingCount = readingCount;
        l.warnings = warnings;
        l.verdict = StoredVerdict.toJson(verdict);
        l.passed = verdict.passed();
        l.secondLook = verdict.secondLook();
        l.holdFrom = verdict.holdFrom();
        l.holdUntil = verdict.holdUntil();
        l.recordedBy = by;
        l.recordedAt = now;
        return l;
    }

    void supersede(UUID by, String reason, Instant now) {
        supersededBy = by;
        supersededReason = reason;
        supersededAt = now;
    }

    UUID id() {
        return id;
    }

    UUID runId() {
        return runId;
    }

    ReadingSource source() {
        return source;
    }

    UUID layoutId() {
        return layoutId;
    }

    String fileName() {
        return fileName;
    }

    String sha256() {
        return sha256;
    }

    int rowCount() {
        return rowCount;
    }

    int readingCount() {
        return readingCount;
    }

    String warnings() {
        return warnings;
    }

    String verdict() {
        return verdict;
    }

    boolean passed() {
        return passed;
    }

    boolean secondLook() {
        return secondLook;
    }

    Instant holdFrom() {
        return holdFrom;
    }

    Instant holdUntil() {
        return holdUntil;
    }

    String recordedBy() {
        return recordedBy;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    UUID supersededBy() {
        return supersededBy;
    }

    String supersededReason() {
        return supersededReason;
    }

    Instant supersededAt() {
        return supersededAt;
    }
}
