package org.openmilkbank.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of a place's own history: created, moved to another parent, amended, retired. Never edited. */
@Entity
@Table(name = "storage_place_change")
class PlaceChange {

    enum Change {
        CREATED,
        MOVED,
        AMENDED,
        RETIRED
    }

    @Id
    private UUID id;

    @Column(name = "place_id", nullable = false)
    private UUID placeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Change change;

    @Column(name = "from_parent_id")
    private UUID fromParentId;

    @Column(name = "to_parent_id")
    private UUID toParentId;

    /** What the place was after the change (code, name, purpose, capacity), as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String data;

    private String reason;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    protected PlaceChange() {}

    PlaceChange(StoragePlace place, Change change, UUID fromParentId, String reason, String actor, Instant at) {
        this.id = UUID.randomUUID();
        this.placeId = place.id();
        this.change = change;
        this.fromParentId = fromParentId;
        this.toParentId = place.parentId();
        this.data = json(place);
        this.reason = reason;
        this.at = at.truncatedTo(ChronoUnit.MICROS);
        this.actor = actor;
    }

    private static String json(StoragePlace p) {
        return org.openmilkbank.storage.Json.MAPPER.writeValueAsString(java.util.Map.of(
                "code", p.code(),
                "name", p.name(),
                "purpose", p.purpose().name(),
                "capacity", p.capacity() == null ? "" : p.capacity()));
    }
}
