package org.openmilkbank.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.EquipmentView;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bank's places: storage units registered, places inside them added, amended and retired with a reason. */
@Service
@Transactional
public class Places {

    public static final String PLACE = "StoragePlace";

    private final StoragePlaceRepository places;
    private final PlaceChangeRepository changes;
    private final EquipmentManagement equipment;
    private final History history;
    private final JdbcClient jdbc;
    private final Clock clock;

    Places(
            StoragePlaceRepository places,
            PlaceChangeRepository changes,
            EquipmentManagement equipment,
            History history,
            JdbcClient jdbc,
            Clock clock) {
        this.places = places;
        this.changes = changes;
        this.equipment = equipment;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public PlaceView registerUnit(NewStorageUnit unit) {
        if (unit == null || unit.unitType() == null) {
            throw new RuleViolation("storage.place.unitTypeRequired").on("unitType");
        }
        if (unit.purpose() == null) {
            throw new RuleViolation("storage.place.purposeRequired").on("purpose");
        }
        UUID equipmentId = null;
        String code = blank(unit.code()) ? null : code(unit.code());
        String name = words(unit.name());
        if (unit.unitType() == UnitType.ROOM) {
            if (!blank(unit.equipmentCode())) {
                throw new RuleViolation("storage.place.roomHasNoInstrument").on("equipmentCode");
            }
        } else {
            if (blank(unit.equipmentCode())) {
                throw new RuleViolation("storage.place.instrumentRequired", Said.label(unit.unitType()))
                        .on("equipmentCode");
            }
            EquipmentView e = equipment
                    .findByCode(unit.equipmentCode().strip())
                    .orElseThrow(() -> new RuleViolation(
                                    "storage.place.instrumentUnknown",
                                    unit.equipmentCode().strip())
                            .on("equipmentCode"));
            EquipmentKind wanted = unit.unitType() == UnitType.FREEZER ? EquipmentKind.FREEZER : EquipmentKind.FRIDGE;
            if (e.kind() != wanted) {
                throw new RuleViolation(
                                "storage.place.instrumentKind",
                                e.code(),
                                Said.label(e.kind()),
                                Said.label(unit.unitType()))
                        .on("equipmentCode");
            }
            if (places.findByEquipmentIdAndRetiredAtIsNull(e.id()).isPresent()) {
                throw new RuleViolation("storage.place.instrumentTaken", e.code()).on("equipmentCode");
            }
            equipmentId = e.id();
            code = code == null ? code(e.code()) : code;
            name = name == null ? e.name() : name;
        }
        if (code == null) {
            throw new RuleViolation("storage.place.codeRequired").on("code");
        }
        if (name == null) {
            throw new RuleViolation("storage.place.nameRequired").on("name");
        }
        requireCodeFree(code);
        Instant now = clock.instant();
        StoragePlace p = StoragePlace.unit(
                code,
                name,
                unit.unitType(),
                equipmentId,
                unit.purpose(),
                unit.capacity(),
                CurrentActor.username(),
                now);
        places.saveAndFlush(p);
        changes.save(new PlaceChange(p, PlaceChange.Change.CREATED, null, null, CurrentActor.username(), now));
        history.record(
                PLACE,
                p.id(),
                Said.of(
                        "storage.history.registered",
                        Said.label(PlaceLevel.UNIT),
                        code,
                        name,
                        Said.label(p.purpose())));
        return view(p);
    }

    public PlaceView addInside(UUID parentId, NewPlaceInside place) {
        StoragePlace parent = places.lockById(parentId).orElseThrow(() -> new NotFound("storage.place.notFound"));
        if (place == null || place.level() == null) {
            throw new RuleViolation("storage.place.levelRequired").on("level");
        }
        PlacePurpose purpose = place.purpose() == null ? parent.purpose() : place.purpose();
        PlaceRules.requireFits(
                place.level(), purpose, parent.level(), parent.purpose(), parent.retired(), parent.code());
        String code = code(place.code());
        requireCodeFree(code);
        String name = words(place.name());
        Instant now = clock.instant();
        StoragePlace p = StoragePlace.inside(
                parent,
                place.level(),
                code,
                name == null ? code : name,
                purpose,
                place.capacity(),
                CurrentActor.username(),
                now);
        places.saveAndFlush(p);
        changes.save(new PlaceChange(p, PlaceChange.Change.CREATED, null, null, CurrentActor.username(), now));
        history.record(
                PLACE,
                p.id(),
                Said.of("storage.history.registered", Said.label(p.level()), code, p.name(), Said.label(purpose)));
        history.record(PLACE, parent.id(), Said.of("storage.history.added", Said.label(p.level()), code));
        return view(p);
    }

    public PlaceView amend(UUID id, PlaceAmendment amendment) {
        StoragePlace p = places.lockById(id).orElseThrow(() -> new NotFound("storage.place.notFound"));
        String reason = reason(amendment == null ? null : amendment.reason());
        if (p.retired()) {
            throw new RuleViolation("storage.place.retired", p.code());
        }
        String name = words(amendment.name());
        if (name == null) {
            throw new RuleViolation("storage.place.nameRequired").on("name");
        }
        if (amendment.purpose() == null) {
            throw new RuleViolation("storage.place.purposeRequired").on("purpose");
        }
        Integer capacity = p.level() == PlaceLevel.POSITION ? Integer.valueOf(1) : amendment.capacity();
        List<Said> said = new ArrayList<>();
        if (!p.name().equals(name)) {
            said.add(change("name", p.name(), name));
        }
        if (p.purpose() != amendment.purpose()) {
            requirePurposeMayChange(p, amendment.purpose());
            said.add(change("purpose", Said.label(p.purpose()), Said.label(amendment.purpose())));
        }
        if (!Objects.equals(p.capacity(), capacity)) {
            int holds = holdsDirectly(p.id());
            if (capacity != null && capacity < holds) {
                throw new RuleViolation("storage.place.capacityBelowHeld", capacity, holds).on("capacity");
            }
            said.add(change("capacity", p.capacity() == null ? "—" : p.capacity(), capacity == null ? "—" : capacity));
        }
        if (said.isEmpty()) {
            throw new RuleViolation("storage.place.nothingChanged");
        }
        p.amend(name, amendment.purpose(), capacity);
        places.flush();
        Instant now = clock.instant();
        changes.save(new PlaceChange(p, PlaceChange.Change.AMENDED, null, reason, CurrentActor.username(), now));
        history.recordCorrection(PLACE, id, Said.of("storage.history.amended", said), reason);
        return view(p);
    }

    public PlaceView retire(UUID id, PlaceRetirement retirement) {
        StoragePlace p = places.lockById(id).orElseThrow(() -> new NotFound("storage.place.notFound"));
        String reason = reason(retirement == null ? null : retirement.reason());
        if (p.retired()) {
            throw new RuleViolation("storage.place.retired", p.code());
        }
        int milk = holdsWithin(p.id());
        if (milk > 0) {
            throw new RuleViolation("storage.place.retireHoldsMilk", p.code(), milk);
        }
        long inUse = places.findByParentIdOrderByCodeAsc(p.id()).stream()
                .filter(c -> !c.retired())
                .count();
        if (inUse > 0) {
            throw new RuleViolation("storage.place.retireHasPlaces", p.code(), inUse);
        }
        Instant now = clock.instant();
        p.retire(reason, CurrentActor.username(), now);
        places.flush();
        changes.save(new PlaceChange(p, PlaceChange.Change.RETIRED, null, reason, CurrentActor.username(), now));
        history.recordCorrection(PLACE, id, Said.of("storage.history.retired", p.code()), reason);
        return view(p);
    }

    @Transactional(readOnly = true)
    public Optional<PlaceView> find(UUID id) {
        return places.findById(id).map(this::view);
    }

    @Transactional(readOnly = true)
    public Optional<PlaceView> findByCode(String code) {
        if (blank(code)) {
            return Optional.empty();
        }
        return places.findByCode(code.strip()).map(this::view);
    }

    /** Every storage unit, retired ones last. */
    @Transactional(readOnly = true)
    public List<PlaceView> units() {
        return places.findByLevelOrderByCodeAsc(PlaceLevel.UNIT).stream()
                .map(this::view)
                .sorted(Comparator.comparing(PlaceView::retired))
                .toList();
    }

    /** The place and everything inside it with the milk each holds now: a freezer map. */
    @Transactional(readOnly = true)
    public PlaceNode tree(UUID rootId) {
        StoragePlace root = places.findById(rootId).orElseThrow(() -> new NotFound("storage.place.notFound"));
        List<UUID> ids = subtreeIds(rootId);
        Map<UUID, List<StoragePlace>> byParent = new HashMap<>();
        places.findAllById(ids)
                .forEach(p -> byParent.computeIfAbsent(p.parentId(), k -> new ArrayList<>())
                        .add(p));
        Map<UUID, List<PlaceNode.HeldUnit>> held = new HashMap<>();
        jdbc.sql("""
                        select p.place_id, p.unit_id, u.din, u.code, u.kind, p.placed_at, p.placed_by
                        from storage_placement p join milk_unit u on u.id = p.unit_id
                        where p.removed_at is null and p.place_id = any(cast(:ids as uuid[]))
                        order by p.placed_at, u.din
                        """)
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> held.computeIfAbsent(rs.getObject("place_id", UUID.class), k -> new ArrayList<>())
                        .add(new PlaceNode.HeldUnit(
                                rs.getObject("unit_id", UUID.class),
                                label(rs.getString("din"), rs.getString("code")),
                                rs.getString("kind"),
                                rs.getTimestamp("placed_at").toInstant(),
                                rs.getString("placed_by"))))
                .list();
        return node(root, path(root.id()), byParent, held);
    }

    private PlaceNode node(
            StoragePlace p,
            String path,
            Map<UUID, List<StoragePlace>> byParent,
            Map<UUID, List<PlaceNode.HeldUnit>> held) {
        List<PlaceNode.HeldUnit> units = held.getOrDefault(p.id(), List.of());
        List<PlaceNode> children = byParent.getOrDefault(p.id(), List.of()).stream()
                .sorted(Comparator.comparing(StoragePlace::retired).thenComparing(StoragePlace::code))
                .map(c -> node(c, path + PATH_SEPARATOR + c.code(), byParent, held))
                .toList();
        return new PlaceNode(p.view(path, units.size()), units, children);
    }

    static final String PATH_SEPARATOR = " › ";

    List<UUID> subtreeIds(UUID rootId) {
        return jdbc.sql("""
                        with recursive t(id) as (
                            select id from storage_place where id = :root
                            union all
                            select c.id from storage_place c join t on c.parent_id = t.id)
                        select id from t
                        """).param("root", rootId).query(UUID.class).list();
    }

    String path(UUID placeId) {
        return jdbc.sql("select storage_place_path(:id)")
                .param("id", placeId)
                .query(String.class)
                .single();
    }

    int holdsDirectly(UUID placeId) {
        return jdbc.sql("select count(*) from storage_placement where place_id = :id and removed_at is null")
                .param("id", placeId)
                .query(Integer.class)
                .single();
    }

    int holdsWithin(UUID placeId) {
        return jdbc.sql("select count(*) from storage_placement where removed_at is null"
                        + " and place_id = any(cast(:ids as uuid[]))")
                .param("ids", subtreeIds(placeId).toArray(UUID[]::new))
                .query(Integer.class)
                .single();
    }

    PlaceView view(StoragePlace p) {
        return p.view(path(p.id()), holdsDirectly(p.id()));
    }

    /** A new purpose must still fit the parent, the places inside and the milk held. */
    private void requirePurposeMayChange(StoragePlace p, PlacePurpose to) {
        if (p.parentId() != null) {
            StoragePlace parent = places.findById(p.parentId()).orElseThrow();
            PlaceRules.requireFits(p.level(), to, parent.level(), parent.purpose(), false, parent.code());
        }
        boolean childDiffers =
                places.findByParentIdOrderByCodeAsc(p.id()).stream().anyMatch(c -> !c.retired() && c.purpose() != to);
        if (childDiffers) {
            throw new RuleViolation("storage.place.purposeChildren", p.code()).on("purpose");
        }
        if (holdsDirectly(p.id()) > 0) {
            throw new RuleViolation("storage.place.purposeHoldsMilk", p.code()).on("purpose");
        }
    }

    private void requireCodeFree(String code) {
        if (places.findByCode(code).isPresent()) {
            throw new RuleViolation("storage.place.codeTaken", code).on("code");
        }
    }

    static String label(String din, String code) {
        if (din == null) {
            return code;
        }
        return Din.parse(din).withCheck();
    }

    static String code(String code) {
        if (blank(code)) {
            throw new RuleViolation("storage.place.codeRequired").on("code");
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.length() > TextLimits.CODE || !c.matches("[A-Z0-9][A-Z0-9._/-]*")) {
            throw new RuleViolation("storage.place.codeInvalid", c).on("code");
        }
        return c;
    }

    private static String words(String s) {
        if (blank(s)) {
            return null;
        }
        String w = s.strip().replaceAll("\\s+", " ");
        if (w.length() > TextLimits.NAME) {
            throw new RuleViolation("storage.tooLong", TextLimits.NAME).on("name");
        }
        return w;
    }

    static String reason(String reason) {
        if (blank(reason)) {
            throw new RuleViolation("storage.reasonRequired").on("reason");
        }
        if (reason.strip().length() > TextLimits.REASON) {
            throw new RuleViolation("storage.tooLong", TextLimits.REASON).on("reason");
        }
        return reason.strip();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Said change(String field, Object before, Object after) {
        return Said.of("storage.history.change", Said.code("storage.field." + field), before, after);
    }
}
