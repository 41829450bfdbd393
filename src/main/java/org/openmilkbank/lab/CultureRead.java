package org.openmilkbank.lab;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A reading of a sample's plates; an amendment is a new read that supersedes it, never an edit. */
@Entity
@Table(name = "lab_culture_read")
class CultureRead {

    @Id
    private UUID id;

    @Column(name = "sample_id", nullable = false)
    private UUID sampleId;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "read_by", nullable = false)
    private String readBy;

    private UUID amends;

    @Column(name = "amend_reason")
    private String amendReason;

    @Column(nullable = false)
    private boolean superseded;

    /** The file the read was imported from and its row there; null for a read entered by hand. */
    @Column(name = "import_id")
    private UUID importId;

    @Column(name = "import_row")
    private Integer importRow;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lab_culture_count", joinColumns = @JoinColumn(name = "read_id"))
    private List<CountEntry> counts = new ArrayList<>();

    protected CultureRead() {}

    CultureRead(
            UUID sampleId,
            List<CultureCount> counts,
            Instant readAt,
            String by,
            Instant now,
            CultureRead amended,
            String reason) {
        this.id = UUID.randomUUID();
        this.sampleId = sampleId;
        this.readAt = readAt;
        this.recordedAt = now;
        this.readBy = by;
        this.amends = amended == null ? null : amended.id;
        this.amendReason = amended == null ? null : reason;
        counts.forEach(c -> this.counts.add(new CountEntry(c)));
    }

    /** The read came from row {@code row} of the imported file {@code importId}. */
    CultureRead imported(UUID importId, int row) {
        this.importId = importId;
        this.importRow = row;
        return this;
    }

    void supersede() {
        superseded = true;
    }

    UUID id() {
        return id;
    }

    Instant readAt() {
        return readAt;
    }

    boolean superseded() {
        return superseded;
    }

    List<CultureCount> counts() {
        return counts.stream().map(CountEntry::count).toList();
    }

    SampleView.Read view() {
        return new SampleView.Read(
                id, readAt, recordedAt, readBy, counts(), amends, amendReason, superseded, importId, importRow);
    }
}
