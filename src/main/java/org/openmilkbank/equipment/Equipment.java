package org.openmilkbank.equipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.TextLimits;

/** An instrument of the register: amended with a reason and its status changed with one, never deleted. */
@Entity
@Table(name = "equipment")
class Equipment {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EquipmentKind kind;

    @Column(nullable = false)
    private String name;

    private String model;
    private String serial;
    private String location;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EquipmentStatus status;

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(name = "tolerance_c")
    private BigDecimal toleranceC;

    @Column(name = "interval_days")
    private Integer intervalDays;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    private long version;

    protected Equipment() {}

    /** A new instrument in service; its parent (if any) already checked by the caller. */
    Equipment(Details d, String by, Instant now) {
        this.id = UUID.randomUUID();
        this.status = EquipmentStatus.IN_SERVICE;
        this.createdAt = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.createdBy = by;
        this.code = d.code();
        this.kind = d.kind();
        apply(d);
    }

    /** What an instrument is, checked: codes in capitals without spaces, words stripped, blanks as null. */
    record Details(
            String code,
            EquipmentKind kind,
            String name,
            String model,
            String serial,
            String location,
            UUID parentId,
            BigDecimal toleranceC,
            Integer intervalDays) {}

    static String normalisedCode(String code) {
        if (code == null || code.isBlank()) {
            throw new RuleViolation("equipment.codeRequired").on("code");
        }
        String c = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (c.length() > TextLimits.CODE || !c.matches("[A-Z0-9][A-Z0-9._/-]*")) {
            throw new RuleViolation("equipment.codeInvalid", c).on("code");
        }
        return c;
    }

    static Details details(NewEquipment e, UUID parentId) {
        if (e == null) {
            throw new RuleViolation("equipment.codeRequired").on("code");
        }
        String code = normalisedCode(e.code());
        if (e.kind() == null) {
            throw new RuleViolation("equipment.kindRequired").on("kind");
        }
        if (e.name() == null || e.name().isBlank()) {
            throw new RuleViolation("equipment.nameRequired").on("name");
        }
        if (e.toleranceC() != null
                && (e.toleranceC().signum() <= 0 || e.toleranceC().compareTo(new BigDecimal("5")) > 0)) {
            throw new RuleViolation("equipment.toleranceOutOfRange", e.toleranceC()).on("toleranceC");
        }
        if (e.intervalDays() != null && (e.intervalDays() < 1 || e.intervalDays() > 1830)) {
            throw new RuleViolation("equipment.intervalOutOfRange", e.intervalDays()).on("intervalDays");
        }
        if (parentId != null && !e.kind().mayHaveParent()) {
            throw new RuleViolation("equipment.parentNotAllowed", Said.label(e.kind())).on("parentCode");
        }
        return new Details(
                code,
                e.kind(),
                words(e.name(), "name"),
                words(e.model(), "model"),
                words(e.serial(), "serial"),
                words(e.location(), "location"),
                parentId,
                e.toleranceC() == null ? null : e.toleranceC().stripTrailingZeros(),
                e.intervalDays());
    }

    private static String words(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String w = s.strip().replaceAll("\\s+", " ");
        if (w.length() > TextLimits.NAME) {
            throw new RuleViolation("equipment.tooLong", TextLimits.NAME).on(field);
        }
        return w;
    }

    /** Returns what changed, empty when nothing did. */
    List<Said> amend(Details d) {
        List<Said> changes = new ArrayList<>();
        if (!code.equals(d.code())) {
            changes.add(change("code", code, d.code()));
        }
        if (kind != d.kind()) {
            changes.add(change("kind", Said.label(kind), Said.label(d.kind())));
        }
        if (!name.equals(d.name())) {
            changes.add(change("name", name, d.name()));
        }
        if (!Objects.equals(model, d.model())) {
            changes.add(change("model", model, d.model()));
        }
        if (!Objects.equals(serial, d.serial())) {
            changes.add(change("serial", serial, d.serial()));
        }
        if (!Objects.equals(location, d.location())) {
            changes.add(change("location", location, d.location()));
        }
        if (!Objects.equals(parentId, d.parentId())) {
            changes.add(change("parent", parentId, d.parentId()));
        }
        if (!sameNumber(toleranceC, d.toleranceC())) {
            changes.add(change("tolerance", toleranceC, d.toleranceC()));
        }
        if (!Objects.equals(intervalDays, d.intervalDays())) {
            changes.add(change("interval", intervalDays, d.intervalDays()));
        }
        code = d.code();
        kind = d.kind();
        apply(d);
        return changes;
    }

    private void apply(Details d) {
        name = d.name();
        model = d.model();
        serial = d.serial();
        location = d.location();
        parentId = d.parentId();
        toleranceC = d.toleranceC();
        intervalDays = d.intervalDays();
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static Said change(String field, Object before, Object after) {
        return Said.of(
                "equipment.history.change",
                Said.code("equipment.field." + field),
                before == null ? "—" : before,
                after == null ? "—" : after);
    }

    void changeStatus(EquipmentStatus to) {
        if (to == null) {
            throw new RuleViolation("equipment.statusRequired").on("status");
        }
        if (to == status) {
            throw new RuleViolation("equipment.statusUnchanged", Said.label(to)).on("status");
        }
        status = to;
    }

    UUID id() {
        return id;
    }

    String code() {
        return code;
    }

    EquipmentKind kind() {
        return kind;
    }

    EquipmentStatus status() {
        return status;
    }

    UUID parentId() {
        return parentId;
    }

    BigDecimal toleranceC() {
        return toleranceC;
    }

    Integer intervalDays() {
        return intervalDays;
    }

    EquipmentView view() {
        return new EquipmentView(
                id,
                code,
                kind,
                name,
                model,
                serial,
                location,
                status,
                parentId,
                toleranceC,
                intervalDays,
                createdAt,
                createdBy);
    }
}
