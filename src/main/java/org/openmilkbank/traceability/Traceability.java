package org.openmilkbank.traceability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openmilkbank.donor.MilkBlockDetail;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.InvalidDinException;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PersonName;
import org.openmilkbank.standards.Standards;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Trace, look-back and lineage from one walk over the milk's links ({@code milk_ancestors} / {@code
 * milk_descendants}), both ways, from a unit, a donor's containers or the units an infant received. Lifecycle states
 * come from the views each module publishes; holds from {@link Holds#activeOn(Collection)}, in one query each.
 * Transactional (not read-only): a clinical reader's look at the record behind a hold is logged.
 */
@Service
@Transactional
public class Traceability {

    /** The units reached by the walk, with their state from the owning module's view. */
    private static final String UNITS = """
            with walked as (
                select ancestor_id as id from milk_ancestors(cast(:ids as uuid[])) where :up
                union
                select descendant_id from milk_descendants(cast(:ids as uuid[])) where :down
            )
            select u.id, u.kind, u.din, u.code, u.donor_id, u.expressed_on, u.created_at,
                   coalesce(c.state, p.state, r.state, b.state) as state,
                   coalesce(c.volume_ml, p.volume_ml, b.volume_ml) as volume_ml,
                   b.expires_on, d.donor_code
            from walked w
            join milk_unit u on u.id = w.id
            left join collection_container_v c on u.kind = 'CONTAINER' and c.id = u.id
            left join processing_pool_v p on u.kind = 'POOL' and p.id = u.id
            left join pasteurization_run_v r on u.kind = 'RUN' and r.id = u.id
            left join inventory_bottle_v b on u.kind = 'BOTTLE' and b.id = u.id
            left join donor_trace_v d on d.id = u.donor_id
            order by u.created_at, coalesce(u.din, u.code)
            """;

    private static final String LINKS = """
            select l.parent_id, l.child_id, l.volume_ml, l.at, p.din as parent_din, p.code as parent_code,
                   c.din as child_din, c.code as child_code
            from milk_link l join milk_unit p on p.id = l.parent_id join milk_unit c on c.id = l.child_id
            where l.child_id = any(cast(:ids as uuid[])) or l.parent_id = any(cast(:ids as uuid[]))
            order by l.at, p.din, c.din
            """;

    private static final String FEEDS = """
            select e.unit_id, e.type, e.at, e.actor, e.infant_id, u.din, u.code,
                   i.infant_code, i.family_name, i.given_name, i.ward
            from milk_event e
            join milk_unit u on u.id = e.unit_id
            left join dispensing_infant_v i on i.id = e.infant_id
            where e.type in ('DISPENSED', 'FED') and e.infant_id is not null
              and e.unit_id = any(cast(:ids as uuid[])) and (cast(:infant as uuid) is null or e.infant_id = :infant)
            order by e.at, i.infant_code
            """;

    private static final String EVENTS = """
            select e.unit_id, e.type, e.at, e.actor, e.place, e.reason_code, e.data, u.din, u.code, u.kind,
                   i.infant_code
            from milk_ancestors(cast(:ids as uuid[])) a
            join milk_event e on e.unit_id = a.ancestor_id
            join milk_unit u on u.id = e.unit_id
            left join dispensing_infant_v i on i.id = e.infant_id
            order by e.at, e.recorded_at, u.created_at
            """;

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final JdbcClient jdbc;
    private final Holds holds;
    private final HoldReadings readings;
    private final Standards standards;

    Traceability(JdbcClient jdbc, Holds holds, HoldReadings readings, Standards standards) {
        this.standards = standards;
        this.jdbc = jdbc;
        this.holds = holds;
        this.readings = readings;
    }

    /** A container, pool, run or bottle by its DIN as scanned or its code: the donors upstream, the infants downstream. */
    public TraceResult fromUnit(String dinOrCode) {
        UnitRef origin = unit(dinOrCode);
        Walk walk = walk(List.of(origin.id()), true, true, null);
        Traced.Unit self = walk.units().stream()
                .filter(u -> u.id().equals(origin.id()))
                .findFirst()
                .orElseThrow();
        return result(
                new Traced.Origin(
                        Traced.OriginKind.valueOf(origin.kind().name()), origin.id(), origin.label(), self.state()),
                walk);
    }

    /** Everything her containers became, down to every infant who received it. */
    public TraceResult fromDonor(UUID donorId) {
        Traced.Donor donor = donors(List.of(donorId)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("trace.donor.notFound", donorId));
        List<UUID> containers =
                jdbc.sql("""
                        select id from milk_unit where donor_id = :donor and kind = 'CONTAINER'
                        order by expressed_on, din
                        """).param("donor", donorId).query(UUID.class).list();
        TraceResult r = result(
                new Traced.Origin(Traced.OriginKind.DONOR, donorId, donor.donorCode(), null),
                walk(containers, false, true, null));
        return new TraceResult(r.origin(), List.of(donor), r.units(), r.feeds(), r.infants());
    }

    /** Every unit an infant received (dispensed or fed), and everything upstream of it: exactly her donors. */
    public TraceResult fromInfant(UUID infantId) {
        NameOrder order = namesOrder();
        Traced.Infant infant = jdbc.sql(
                        "select id, infant_code, family_name, given_name, ward from dispensing_infant_v where id = :id")
                .param("id", infantId)
                .query((rs, n) -> new Traced.Infant(
                        rs.getObject("id", UUID.class),
                        rs.getString("infant_code"),
                        PersonName.of(rs.getString("given_name"), rs.getString("family_name"), order),
                        rs.getString("ward")))
                .optional()
                .orElseThrow(() -> new NotFound("trace.infant.notFound", infantId));
        List<UUID> received =
                jdbc.sql("""
                        select distinct unit_id from milk_event
                        where infant_id = :infant and type in ('DISPENSED', 'FED')
                        """).param("infant", infantId).query(UUID.class).list();
        Walk walk = walk(received, true, false, infantId);
        TraceResult r = result(new Traced.Origin(Traced.OriginKind.INFANT, infantId, infant.infantCode(), null), walk);
        return new TraceResult(r.origin(), r.donors(), r.units(), r.feeds(), List.of(infant));
    }

    /**
     * A unit's lineage: every event of the unit and of its ancestors in time order, the units and links between
     * them, and the holds active on it now.
     */
    public Lineage lineage(String dinOrCode) {
        UnitRef ref = unit(dinOrCode);
        Walk walk = walk(List.of(ref.id()), true, false, null);
        Traced.Unit self = walk.units().stream()
                .filter(u -> u.id().equals(ref.id()))
                .findFirst()
                .orElseThrow();
        List<Lineage.Event> events = jdbc.sql(EVENTS)
                .param("ids", new UUID[] {ref.id()})
                .query((rs, n) -> new Lineage.Event(
                        UnitLabel.of(rs.getString("din"), rs.getString("code")),
                        MilkUnitKind.valueOf(rs.getString("kind")),
                        MilkEventType.valueOf(rs.getString("type")),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("place"),
                        rs.getString("reason_code"),
                        rs.getString("infant_code"),
                        data(rs.getString("data"))))
                .list();
        List<Lineage.Link> links = walk.links().stream()
                .filter(l -> walk.ids().contains(l.childId()) && walk.ids().contains(l.parentId()))
                .map(l -> new Lineage.Link(l.parent(), l.child(), l.volumeMl(), l.at()))
                .toList();
        return new Lineage(self, walk.units(), links, events, self.holds());
    }

    /** The unit a DIN (as scanned) or a code names. */
    UnitRef unit(String dinOrCode) {
        if (dinOrCode == null || dinOrCode.isBlank()) {
            throw new NotFound("trace.unit.notFound", "");
        }
        String typed = dinOrCode.strip();
        Optional<UnitRef> found = Optional.empty();
        Optional<Din> din = parse(typed);
        if (din.isPresent()) {
            found = jdbc.sql("select id, kind, din, code from milk_unit where din = :din")
                    .param("din", din.get().value())
                    .query(Traceability::unitRef)
                    .optional();
        }
        if (found.isEmpty() && UUID_TEXT.matcher(typed).matches()) {
            // a page that knows only the record's id (a run's page) asks by id; people never see it
            found = jdbc.sql("select id, kind, din, code from milk_unit where id = :id")
                    .param("id", UUID.fromString(typed))
                    .query(Traceability::unitRef)
                    .optional();
        }
        String code = UnitLabel.storedRunCode(typed).orElse(typed);
        return found.or(() -> jdbc.sql("select id, kind, din, code from milk_unit where upper(code) = upper(:code)")
                        .param("code", code)
                        .query(Traceability::unitRef)
                        .optional())
                .orElseThrow(() -> new NotFound("trace.unit.notFound", typed));
    }

    record UnitRef(UUID id, MilkUnitKind kind, String label) {}

    record LinkRow(UUID parentId, UUID childId, String parent, String child, Integer volumeMl, Instant at) {}

    /** What one walk found: the units (with holds), the links touching them, and the feeds of them. */
    record Walk(List<UUID> ids, List<Traced.Unit> units, List<LinkRow> links, List<Traced.Feed> feeds) {}

    /**
     * The one walk: from the origin units up and/or down the links, then the units' states, their links, their
     * active holds and their feeds — one query each, whatever the number of units.
     */
    Walk walk(Collection<UUID> origin, boolean up, boolean down, UUID onlyInfant) {
        if (origin.isEmpty()) {
            return new Walk(List.of(), List.of(), List.of(), List.of());
        }
        UUID[] from = origin.stream().distinct().toArray(UUID[]::new);
        List<Row> rows = jdbc.sql(UNITS)
                .param("ids", from)
                .param("up", up)
                .param("down", down)
                .query(Traceability::row)
                .list();
        UUID[] ids = rows.stream().map(Row::id).toArray(UUID[]::new);
        List<LinkRow> links = jdbc.sql(LINKS)
                .param("ids", ids)
                .query((rs, n) -> new LinkRow(
                        rs.getObject("parent_id", UUID.class),
                        rs.getObject("child_id", UUID.class),
                        UnitLabel.of(rs.getString("parent_din"), rs.getString("parent_code")),
                        UnitLabel.of(rs.getString("child_din"), rs.getString("child_code")),
                        (Integer) rs.getObject("volume_ml"),
                        rs.getTimestamp("at").toInstant()))
                .list();
        Map<UUID, List<HoldView>> active = holds.activeOn(List.of(ids));
        Map<String, MilkBlockDetail> details =
                readings.details(active.values().stream().flatMap(List::stream).toList());
        List<Traced.Unit> units = rows.stream()
                .map(r -> r.unit(
                        links.stream()
                                .filter(l -> l.childId().equals(r.id()))
                                .map(LinkRow::parent)
                                .toList(),
                        links.stream()
                                .filter(l -> l.parentId().equals(r.id()))
                                .map(LinkRow::child)
                                .toList(),
                        active.getOrDefault(r.id(), List.of()).stream()
                                .map(h -> HoldReadings.of(h, r.label(), details))
                                .toList()))
                .toList();
        NameOrder order = namesOrder();
        List<Traced.Feed> feeds = jdbc.sql(FEEDS)
                .param("ids", ids)
                .param("infant", onlyInfant)
                .query((rs, n) -> feed(rs, order))
                .list();
        return new Walk(List.of(ids), units, links, feeds);
    }

    /**
     * Who received the unit (a bottle): each time it was dispensed or fed to an infant, oldest first, with the
     * infant's hospital number, name and ward. Read from the lineage's own events, so the bottle's module needs no
     * knowledge of dispensing.
     */
    @Transactional(readOnly = true)
    public List<Traced.Feed> receivedBy(UUID unitId) {
        NameOrder order = namesOrder();
        return jdbc.sql(FEEDS)
                .param("ids", new UUID[] {unitId})
                .param("infant", null)
                .query((rs, n) -> feed(rs, order))
                .list();
    }

    private static Traced.Feed feed(java.sql.ResultSet rs, NameOrder order) throws java.sql.SQLException {
        return new Traced.Feed(
                rs.getObject("infant_id", UUID.class),
                rs.getString("infant_code"),
                PersonName.of(rs.getString("given_name"), rs.getString("family_name"), order),
                rs.getString("ward"),
                rs.getObject("unit_id", UUID.class),
                UnitLabel.of(rs.getString("din"), rs.getString("code")),
                MilkEventType.valueOf(rs.getString("type")),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"));
    }

    private TraceResult result(Traced.Origin origin, Walk walk) {
        List<UUID> donorIds = walk.units().stream()
                .map(Traced.Unit::donorId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return new TraceResult(
                origin, donors(donorIds), Traced.Units.of(walk.units()), walk.feeds(), infants(walk.feeds()));
    }

    static List<Traced.Infant> infants(List<Traced.Feed> feeds) {
        Map<UUID, Traced.Infant> byId = new LinkedHashMap<>();
        feeds.stream()
                .sorted(java.util.Comparator.comparing(
                        Traced.Feed::infantCode, java.util.Comparator.nullsLast(String::compareTo)))
                .forEach(f -> byId.putIfAbsent(
                        f.infantId(), new Traced.Infant(f.infantId(), f.infantCode(), f.infantName(), f.ward())));
        return List.copyOf(byId.values());
    }

    List<Traced.Donor> donors(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        NameOrder order = namesOrder();
        return jdbc.sql("""
                        select id, donor_code, given_name, family_name from donor_trace_v
                        where id = any(cast(:ids as uuid[])) order by donor_code
                        """)
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> new Traced.Donor(
                        rs.getObject("id", UUID.class),
                        rs.getString("donor_code"),
                        DonorPrivacy.visible(
                                PersonName.of(rs.getString("given_name"), rs.getString("family_name"), order))))
                .list();
    }

    private record Row(
            UUID id,
            MilkUnitKind kind,
            String label,
            String state,
            UUID donorId,
            String donorCode,
            LocalDate expressedOn,
            Integer volumeMl,
            LocalDate expiresOn,
            Instant createdAt) {

        Traced.Unit unit(List<String> parents, List<String> children, List<Traced.Hold> holds) {
            return new Traced.Unit(
                    id,
                    kind,
                    label,
                    state,
                    donorId,
                    donorCode,
                    expressedOn,
                    volumeMl,
                    expiresOn,
                    createdAt,
                    parents,
                    children,
                    holds);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                MilkUnitKind.valueOf(rs.getString("kind")),
                UnitLabel.of(rs.getString("din"), rs.getString("code")),
                rs.getString("state"),
                rs.getObject("donor_id", UUID.class),
                rs.getString("donor_code"),
                rs.getObject("expressed_on", LocalDate.class),
                (Integer) rs.getObject("volume_ml"),
                rs.getObject("expires_on", LocalDate.class),
                rs.getTimestamp("created_at").toInstant());
    }

    private static UnitRef unitRef(ResultSet rs, int n) throws SQLException {
        return new UnitRef(
                rs.getObject("id", UUID.class),
                MilkUnitKind.valueOf(rs.getString("kind")),
                UnitLabel.of(rs.getString("din"), rs.getString("code")));
    }

    /** An event's typed facts as people may read them: internal ids are left out (units are named elsewhere). */
    private static Map<String, Object> data(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, Object> all =
                LineageWriter.JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        Map<String, Object> shown = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (v != null && !UUID_TEXT.matcher(String.valueOf(v)).matches()) {
                shown.put(k, v);
            }
        });
        return shown;
    }

    /** Names in traces, recalls and their PDFs follow the bank's order, like every other page. */
    private NameOrder namesOrder() {
        return standards.activeProfile().namesOrder();
    }

    private static Optional<Din> parse(String code) {
        try {
            return Optional.of(Din.parse(code));
        } catch (InvalidDinException e) {
            return Optional.empty();
        }
    }
}
