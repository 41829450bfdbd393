package org.openmilkbank.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A place milk is kept: a storage unit, a shelf or rack, a box or a position. Amended and retired, never deleted. */
@Entity
@Table(name = "storage_place")
class StoragePlace {

    @Id
    private UUID id;

    @Column(name = "parent_id")
    private UUID parentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlaceLevel level;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_type")
    private UnitType unitType;

    @Column(name = "equipment_id")
    private UUID equipmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlacePurpose purpose;

    private Integer capacity;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "retired_by")
    private String retiredBy;

    @Column(name = "retire_reason")
    private String retireReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    private long version;

    protected StoragePlace() {}

    /** A storage unit: a registered freezer or fridge, or a room. */
    static StoragePlace unit(
            String code,
            String name,
            UnitType type,
            UUID equipmentId,
            PlacePurpose purpose,
            Integer capacity,
            String by,
            Instant now) {
        StoragePlace p = new StoragePlace(null, PlaceLevel.UNIT, code, name, purpose, capacity, by, now);
        p.unitType = type;
        p.equipmentId = equipmentId;
        return p;
    }

    /** A place inside another; the caller checked it fits ({@link PlaceRules#requireFits}). */
    static StoragePlace inside(
            StoragePlace parent,
            PlaceLevel level,
            String code,
            String name,
            PlacePurpose purpose,
            Integer capacity,
            String by,
            Instant now) {
        return new StoragePlace(parent.id, level, code, name, purpose, capacity, by, now);
    }

    private StoragePlace(
            UUID parentId,
            PlaceLevel level,
            String code,
            String name,
            PlacePurpose purpose,
            Integer capacity,
            String by,
            Instant now) {
        this.id = UUID.randomUUID();
        this.parentId = parentId;
        this.level = level;
        this.code = code;
        this.name = name;
        this.purpose = purpose;
        this.capacity = level == PlaceLevel.POSITION ? Integer.valueOf(1) : capacity;
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        this.createdBy = by;
    }

    void amend(String name, PlacePurpose purpose, Integer capacity) {
        this.name = name;
        this.purpose = purpose;
        this.capacity = level == PlaceLevel.POSITION ? Integer.valueOf(1) : capacity;
    }

    void moveTo(StoragePlace parent) {
        this.parentId = parent.id;
    }

    void retire(String reason, String by, Instant now) {
        this.retiredAt = now.truncatedTo(ChronoUnit.MICROS);
        this.retiredBy = by;
        this.retireReason = reason;
    }

    UUID id() {
        return id;
    }

    UUID parentId() {
        return parentId;
    }

    PlaceLevel level() {
        return level;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    UnitType unitType() {
        return unitType;
    }

    UUID equipmentId() {
        return equipmentId;
    }

    PlacePurpose purpose() {
        return purpose;
    }

    Integer capacity() {
        return capacity;
    }

    boolean retired() {
        return retiredAt != null;
    }

    PlaceView view(String path, int holds) {
        return new PlaceView(
                id,
                parentId,
                level,
                code,
                name,
                path,
                unitType,
                equipmentId,
                purpose,
                capacity,
                holds,
                retiredAt,
                retiredBy,
                retireReason,
                createdAt,
                createdBy);
    }
}
