package org.openmilkbank.processing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;

/** Raw containers mixed for one pasteurisation: guards its donors, its culture and its one-way states. */
@Entity
@Table(name = "pool")
class Pool {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String din;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PoolState state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "volume_ml", nullable = false)
    private int volumeMl;

    @Column(name = "donor_count", nullable = false)
    private int donorCount;

    @Column(name = "earliest_expression", nullable = false)
    private LocalDate earliestExpression;

    /** The person's words for a discard, or (rows before V33) the English text of a failed pre-culture. */
    @Column(name = "discard_reason")
    private String discardReason;

    /** Why a failed pre-culture discarded it, as codes with their counts (JSON), rendered in the reader's language. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "discard_code")
    private String discardCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pool_container", joinColumns = @JoinColumn(name = "pool_id"))
    @OrderBy("din")
    private List<PooledContainerEntry> containers = new ArrayList<>();

    @Version
    private long version;

    protected Pool() {}

    /**
     * Checks the containers before they are taken from the raw store: at least one and none listed twice.
     */
    static void checkSelection(List<UUID> containerIds) {
        if (containerIds == null || containerIds.isEmpty()) {
            throw new RuleViolation("processing.pool.empty");
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID id : containerIds) {
            if (id == null) {
                throw new RuleViolation("processing.pool.empty");
            }
            if (!seen.add(id)) {
                throw new RuleViolation("processing.pool.containerTwice", id);
            }
        }
    }

    /** A pool of containers already taken from the raw store for it (all or nothing, in one transaction). */
    static Pool create(
            UUID id, Din din, List<RawContainerView> taken, StandardProfile profile, String by, Instant now) {
        checkSelection(
                taken == null ? null : taken.stream().map(RawContainerView::id).toList());
        Set<String> dins = new HashSet<>();
        for (RawContainerView c : taken) {
            if (!dins.add(c.din())) {
                throw new RuleViolation(
                        "processing.pool.containerTwice", Din.parse(c.din()).withCheck());
            }
        }
        Set<UUID> donors = new LinkedHashSet<>();
        taken.forEach(c -> donors.add(c.donorId()));
        if (donors.size() > profile.poolMaxDonors()) {
            throw new RuleViolation(
                    "processing.pool.tooManyDonors", donors.size(), profile.poolMaxDonors(), profile.name());
        }
        Pool pool = new Pool();
        pool.id = id;
        pool.din = din.value();
        pool.createdAt = now;
        pool.createdBy = by;
        pool.volumeMl = taken.stream().mapToInt(RawContainerView::volumeMl).sum();
        pool.donorCount = donors.size();
        pool.earliestExpression = taken.stream()
                .map(RawContainerView::expressedOn)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        taken.forEach(c -> pool.containers.add(new PooledContainerEntry(c)));
        pool.state = profile.preCultureRequired() ? PoolState.AWAITING_PRE_CULTURE : PoolState.READY;
        return pool;
    }

    /**
     * Takes the lab's verdict on its culture before pasteurisation: a pool that waited for it is ready when it passed
     * and discarded when it failed; a ready pool whose culture failed is discarded too. Returns whether its state
     * changed.
     */
    boolean takeCultureVerdict(boolean passed, List<Said> failures) {
        if (state == PoolState.AWAITING_PRE_CULTURE) {
            state = passed ? PoolState.READY : PoolState.DISCARDED;
        } else if (state == PoolState.READY && !passed) {
            state = PoolState.DISCARDED;
        } else {
            return false;
        }
        if (!passed) {
            discardCode = Said.toJson(failures);
        }
        return true;
    }

    void discard(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("processing.discard.reason.required");
        }
        if (state == PoolState.DISCARDED) {
            throw new RuleViolation("processing.pool.alreadyDiscarded", displayDin());
        }
        if (state == PoolState.PASTEURISED) {
            throw new RuleViolation("processing.pool.alreadyPasteurised", displayDin());
        }
        state = PoolState.DISCARDED;
        discardReason = reason.strip();
    }

    void markPasteurised() {
        if (state != PoolState.READY) {
            throw new RuleViolation("processing.pool.notReady", displayDin(), state);
        }
        state = PoolState.PASTEURISED;
    }

    String displayDin() {
        return Din.parse(din).withCheck();
    }

    UUID id() {
        return id;
    }

    String din() {
        return din;
    }

    int volumeMl() {
        return volumeMl;
    }

    int donorCount() {
        return donorCount;
    }

    List<PooledContainerEntry> containers() {
        return List.copyOf(containers);
    }

    PoolState state() {
        return state;
    }

    String discardReason() {
        return discardReason;
    }

    PoolView view() {
        List<PoolView.PooledContainer> items =
                containers.stream().map(PooledContainerEntry::view).toList();
        List<UUID> donorIds = containers.stream()
                .map(PooledContainerEntry::donorId)
                .distinct()
                .toList();
        return new PoolView(
                id,
                din,
                state,
                createdAt,
                createdBy,
                volumeMl,
                donorCount,
                earliestExpression,
                items,
                donorIds,
                null,
                discardReason,
                Said.listFromJson(discardCode),
                null);
    }
}
