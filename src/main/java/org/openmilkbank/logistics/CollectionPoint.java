package org.openmilkbank.logistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.TextLimits;

/** A hospital, clinic or community depot where donors leave frozen milk; deactivated with a reason, never deleted. */
@Entity
@Table(name = "collection_point")
class CollectionPoint {

    static final int MAX_NAME = TextLimits.NAME;
    static final int MAX_ADDRESS = TextLimits.ADDRESS;

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CollectionPointKind kind;

    private String address;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "deactivated_reason")
    private String deactivatedReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    private long version;

    protected CollectionPoint() {}

    CollectionPoint(NewCollectionPoint details, String by, Instant now) {
        NewCollectionPoint d = validated(details);
        this.id = UUID.randomUUID();
        this.name = d.name();
        this.kind = d.kind();
        this.address = d.address();
        this.active = true;
        this.createdAt = now;
        this.createdBy = by;
    }

    /** Returns what changed, empty when nothing did. */
    List<Said> correct(NewCollectionPoint details) {
        NewCollectionPoint d = validated(details);
        List<Said> changes = new ArrayList<>();
        if (!name.equals(d.name())) {
            changes.add(change("name", name, d.name()));
        }
        if (kind != d.kind()) {
            changes.add(change(
                    "kind",
                    Said.code("logistics.kind." + kind.name()),
                    Said.code("logistics.kind." + d.kind().name())));
        }
        if (!Objects.equals(address, d.address())) {
            changes.add(change("address", address, d.address()));
        }
        name = d.name();
        kind = d.kind();
        address = d.address();
        return changes;
    }

    private static Said change(String field, Object before, Object after) {
        return Said.of("logistics.history.change", Said.code("logistics.history.field." + field), before, after);
    }

    void deactivate(String reason) {
        if (!active) {
            throw new RuleViolation("logistics.point.alreadyInactive", name);
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        active = false;
        deactivatedReason = reason.strip();
    }

    void reactivate() {
        if (active) {
            throw new RuleViolation("logistics.point.alreadyActive", name);
        }
        active = true;
        deactivatedReason = null;
    }

    static NewCollectionPoint validated(NewCollectionPoint d) {
        if (d == null || d.name() == null || d.name().isBlank()) {
            throw new RuleViolation("logistics.point.nameRequired").on("name");
        }
        String name = d.name().strip().replaceAll("\\s+", " ");
        if (name.length() > MAX_NAME) {
            throw new RuleViolation("logistics.point.nameTooLong", MAX_NAME).on("name");
        }
        if (d.kind() == null) {
            throw new RuleViolation("logistics.point.kindRequired").on("kind");
        }
        String address = d.address() == null || d.address().isBlank()
                ? null
                : d.address().strip();
        if (address != null && address.length() > MAX_ADDRESS) {
            throw new RuleViolation("logistics.point.addressTooLong", MAX_ADDRESS).on("address");
        }
        return new NewCollectionPoint(name, d.kind(), address);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    boolean active() {
        return active;
    }

    CollectionPointView view() {
        return new CollectionPointView(id, name, kind, address, active, deactivatedReason, createdAt, createdBy);
    }
}
