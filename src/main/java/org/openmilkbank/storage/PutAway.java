package org.openmilkbank.storage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.traceability.CodeLookup;
import org.openmilkbank.traceability.MilkEventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Put-away and moves by scanner: a unit into a place of the purpose it needs while the place has room, or a whole
 * box (or shelf) carried to another parent with every unit in it. Each is a STORED or MOVED lineage event.
 */
@Service
@Transactional
public class PutAway {

    private final StoragePlaceRepository places;
    private final PlacementRepository stays;
    private final PlaceChangeRepository changes;
    private final Places placeService;
    private final CodeLookup codes;
    private final ApplicationEventPublisher events;
    private final History history;
    private final JdbcClient jdbc;
    private final Clock clock;

    PutAway(
            StoragePlaceRepository places,
            PlacementRepository stays,
            PlaceChangeRepository changes,
            Places placeService,
            CodeLookup codes,
            ApplicationEventPublisher events,
            History history,
            JdbcClient jdbc,
            Clock clock) {
        this.places = places;
        this.stays = stays;
        this.changes = changes;
        this.placeService = placeService;
        this.codes = codes;
        this.events = events;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The item scanned first (a unit's DIN or a box's code) goes into the place scanned second. */
    public PutAwayResult put(PutAwayScan scan) {
        if (scan == null || Places.blank(scan.item())) {
            throw new RuleViolation("storage.putAway.itemRequired").on("item");
        }
        if (Places.blank(scan.place())) {
            throw new RuleViolation("storage.putAway.placeRequired").on("place");
        }
        Optional<StoragePlace> box = places.findByCode(scan.item().strip());
        if (box.isPresent()) {
            return moveBox(box.get(), target(scan.place()));
        }
        UnitOnPath unit = unit(scan.item());
        return store(unit, target(scan.place()));
    }

    /** A unit of milk (by id) into a place (by id), as a stock take's found unit is put where it was found. */
    PutAwayResult store(UUID unitId, UUID placeId) {
        return store(unitById(unitId), places.findById(placeId).orElseThrow());
    }

    private PutAwayResult store(UnitOnPath unit, StoragePlace target) {
        PlacePurpose needed = PlaceRules.purposeNeeded(unit.label(), unit.kind(), unit.state());
        StoragePlace place = places.lockById(target.id()).orElseThrow();
        PlaceRules.requireInUse(place.code(), place.retired());
        PlaceRules.requirePurpose(unit.label(), needed, place.code(), place.purpose());
        Optional<Placement> open = stays.lockOpenOf(unit.id());
        if (open.isPresent() && open.get().placeId().equals(place.id())) {
            throw new RuleViolation("storage.putAway.alreadyThere", unit.label(), place.code()).on("place");
        }
        PlaceRules.requireRoom(place.code(), place.capacity(), placeService.holdsDirectly(place.id()));
        Instant at = now();
        String by = CurrentActor.username();
        String from = null;
        if (open.isPresent()) {
            from = placeService.path(open.get().placeId());
            open.get().close(Placement.Ended.MOVED, by, at);
            stays.saveAndFlush(open.get());
        }
        stays.saveAndFlush(new Placement(unit.id(), place.id(), storageUnitOf(place), by, at));
        String path = placeService.path(place.id());
        MilkEventType type = open.isPresent() ? MilkEventType.MOVED : MilkEventType.STORED;
        events.publishEvent(
                new UnitsPlaced(List.of(new UnitsPlaced.Placed(unit.id(), type, path, place.id(), from, false)), at));
        return new PutAwayResult(
                open.isPresent() ? PutAwayResult.Kind.MOVED : PutAwayResult.Kind.STORED,
                unit.id(),
                unit.label(),
                path,
                1);
    }

    /** The box (or shelf) goes into a new parent; each unit in it ends its stay and begins one in the new unit. */
    private PutAwayResult moveBox(StoragePlace boxFound, StoragePlace target) {
        StoragePlace box = places.lockById(boxFound.id()).orElseThrow();
        StoragePlace parent = places.lockById(target.id()).orElseThrow();
        if (box.level() == PlaceLevel.UNIT || box.level() == PlaceLevel.POSITION) {
            throw new RuleViolation("storage.move.notMovable", box.code(), Said.label(box.level())).on("item");
        }
        PlaceRules.requireInUse(box.code(), box.retired());
        List<UUID> inside = placeService.subtreeIds(box.id());
        if (inside.contains(parent.id())) {
            throw new RuleViolation("storage.move.intoItself", box.code(), parent.code()).on("place");
        }
        if (parent.id().equals(box.parentId())) {
            throw new RuleViolation("storage.putAway.alreadyThere", box.code(), parent.code()).on("place");
        }
        PlaceRules.requireFits(
                box.level(), box.purpose(), parent.level(), parent.purpose(), parent.retired(), parent.code());
        Instant at = now();
        String by = CurrentActor.username();
        String fromPath = placeService.path(box.id());
        UUID fromParent = box.parentId();
        box.moveTo(parent);
        places.flush();
        changes.save(new PlaceChange(box, PlaceChange.Change.MOVED, fromParent, null, by, at));
        UUID storageUnit = storageUnitOf(parent);
        List<UnitsPlaced.Placed> moved = new ArrayList<>();
        for (Placement stay : stays.openIn(inside)) {
            String from = placeService.path(stay.placeId());
            stay.close(Placement.Ended.BOX_MOVED, by, at);
            stays.saveAndFlush(stay);
            stays.saveAndFlush(new Placement(stay.unitId(), stay.placeId(), storageUnit, by, at));
            moved.add(new UnitsPlaced.Placed(
                    stay.unitId(), MilkEventType.MOVED, placeService.path(stay.placeId()), stay.placeId(), from, true));
        }
        String path = placeService.path(box.id());
        if (!moved.isEmpty()) {
            events.publishEvent(new UnitsPlaced(moved, at));
        }
        history.record(Places.PLACE, box.id(), Said.of("storage.history.moved", fromPath, path, moved.size()));
        return new PutAwayResult(PutAwayResult.Kind.BOX_MOVED, box.id(), box.code(), path, moved.size());
    }

    /** Units in a place of another purpose than they now need: released bottles still kept in quarantine. */
    @Transactional(readOnly = true)
    public List<ToMove> toMove() {
        return jdbc.sql("""
                        select p.unit_id, u.din, u.code, storage_place_path(p.place_id) as path, p.placed_at
                        from storage_placement p
                                 join milk_unit u on u.id = p.unit_id
                                 join storage_place pl on pl.id = p.place_id
                                 join inventory_bottle_v b on b.id = p.unit_id
                        where p.removed_at is null and pl.purpose = 'QUARANTINE' and b.state = 'RELEASED'
                        order by p.placed_at, u.din
                        """)
                .query((rs, n) -> new ToMove(
                        rs.getObject("unit_id", UUID.class),
                        Places.label(rs.getString("din"), rs.getString("code")),
                        rs.getString("path"),
                        PlacePurpose.RELEASED,
                        rs.getTimestamp("placed_at").toInstant()))
                .list();
    }

    /** Where the unit with this code (as scanned) is now and every stay it had, each place as it was then. */
    @Transactional(readOnly = true)
    public WhereIs whereIs(String code) {
        UnitOnPath unit = unit(code);
        List<WhereIs.Stay> history = jdbc.sql("""
                        select coalesce((select e.place from milk_event e
                                         where e.unit_id = p.unit_id and e.type in ('STORED', 'MOVED')
                                           and e.at = p.placed_at and e.place is not null
                                         limit 1), storage_place_path(p.place_id)) as place,
                               p.placed_at, p.placed_by, p.removed_at, p.removed_by, p.removed_reason,
                               t.readings, t.coldest, t.warmest,
                               (select count(*) from storage_excursion x
                                 where x.storage_unit_id = p.storage_unit_id
                                   and x.started_at < coalesce(p.removed_at, 'infinity')
                                   and (x.ended_at is null or x.ended_at > p.placed_at)) as excursions
                        from storage_placement p
                        -- what the unit's storage unit read while the unit was inside
                        cross join lateral (
                            select count(*) as readings,
                                   min(least(r.current_c, coalesce(r.min_c, r.current_c))) as coldest,
                                   max(greatest(r.current_c, coalesce(r.max_c, r.current_c))) as warmest
                            from storage_temperature_reading r
                            where r.storage_unit_id = p.storage_unit_id
                              and r.read_at >= p.placed_at
                              and (p.removed_at is null or r.read_at <= p.removed_at)) t
                        where p.unit_id = :unit
                        order by p.placed_at desc, p.removed_at desc nulls first
                        """)
                .param("unit", unit.id())
                .query((rs, n) -> new WhereIs.Stay(
                        rs.getString("place"),
                        rs.getTimestamp("placed_at").toInstant(),
                        rs.getString("placed_by"),
                        rs.getTimestamp("removed_at") == null
                                ? null
                                : rs.getTimestamp("removed_at").toInstant(),
                        rs.getString("removed_by"),
                        rs.getString("removed_reason"),
                        rs.getInt("readings"),
                        rs.getBigDecimal("coldest"),
                        rs.getBigDecimal("warmest"),
                        rs.getInt("excursions")))
                .list();
        String current = history.stream()
                .filter(s -> s.to() == null)
                .map(WhereIs.Stay::place)
                .findFirst()
                .orElse(null);
        return new WhereIs(unit.id(), unit.label(), unit.kind(), current, history);
    }

    private StoragePlace target(String code) {
        return places.findByCode(code.strip())
                .orElseThrow(() -> new RuleViolation("storage.putAway.placeUnknown", code.strip()).on("place"));
    }

    /** A unit of milk as scanned, with its lifecycle state read from its module's view. */
    record UnitOnPath(UUID id, String label, String kind, String state) {}

    UnitOnPath unit(String code) {
        CodeLookup.Match match = codes.find(code)
                .filter(m -> m.kind() != CodeLookup.Kind.DONOR && m.kind() != CodeLookup.Kind.INFANT)
                .orElseThrow(() ->
                        new RuleViolation("storage.putAway.unitUnknown", code == null ? "" : code.strip()).on("item"));
        return unitById(match.id());
    }

    UnitOnPath unitById(UUID id) {
        return jdbc.sql("""
                        select u.id, u.kind, u.din, u.code, coalesce(c.state, b.state) as state
                        from milk_unit u
                                 left join collection_container_v c on c.id = u.id and u.kind = 'CONTAINER'
                                 left join inventory_bottle_v b on b.id = u.id and u.kind = 'BOTTLE'
                        where u.id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new UnitOnPath(
                        rs.getObject("id", UUID.class),
                        Places.label(rs.getString("din"), rs.getString("code")),
                        rs.getString("kind"),
                        rs.getString("state")))
                .optional()
                .orElseThrow(() -> new RuleViolation("storage.putAway.unitUnknown", id).on("item"));
    }

    private UUID storageUnitOf(StoragePlace place) {
        StoragePlace p = place;
        while (p.parentId() != null) {
            p = places.findById(p.parentId()).orElseThrow();
        }
        return p.id();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
