package org.openmilkbank.traceability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.shared.DatabaseZone;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.InvalidDinException;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.PersonName;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.RecallPreview.Whereabouts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a recall reaches: the source's units, then every descendant by one walk down the lineage, each with its
 * lifecycle state read from the view its module publishes (read-only SQL), its place, and every infant already given it.
 */
@Component
class RecallScope {

    private static final Set<String> GONE_STATES = Set.of("DISCARDED", "REJECTED", "FAILED");
    private static final Set<String> USED_STATES = Set.of("POOLED", "PASTEURISED");
    /** An infant's name is for the people who care for her and the manager, not for the lab. */
    private static final Set<String> MAY_SEE_INFANT_NAMES = Set.of("ROLE_MANAGER", "ROLE_NURSE", "ROLE_DISPENSER");

    private static final String UNITS = """
            select u.id, u.kind, u.din, u.code, u.created_at,
                   coalesce(rc.state, p.state, r.state, b.state) as state,
                   (select e.place from milk_event e where e.unit_id = u.id and e.place is not null
                    order by e.at desc, e.recorded_at desc limit 1) as place,
                   (select i.ward from milk_event e join dispensing_infant_v i on i.id = e.infant_id
                    where e.unit_id = u.id and e.type in ('DISPENSED', 'FED')
                    order by e.at desc, e.recorded_at desc limit 1) as ward,
                   exists (select 1 from milk_event e where e.unit_id = u.id and e.type = 'FED') as fed,
                   exists (select 1 from milk_event e where e.unit_id = u.id and e.type = 'DISPENSED') as dispensed,
                   exists (select 1 from milk_event e where e.unit_id = u.id and e.type = 'DISCARDED') as discarded
            from milk_unit u
            left join collection_container_v rc on rc.id = u.id
            left join processing_pool_v p on p.id = u.id
            left join pasteurization_run_v r on r.id = u.id
            left join inventory_bottle_v b on b.id = u.id
            """;

    record Resolved(List<UUID> roots, String label, UUID donorId) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Standards standards;

    RecallScope(JdbcClient jdbc, Clock clock, Standards standards) {
        this.standards = standards;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The source's own units; refuses a source that names nothing or reaches no milk. */
    Resolved resolve(RecallSource source) {
        if (source == null || source.kind() == null) {
            throw new RuleViolation("recall.source.required");
        }
        Resolved resolved = switch (source.kind()) {
            case DONOR -> ofDonor(source.code());
            case UNIT -> ofUnit(source.code());
            case WINDOW -> ofWindow(source);
            case CALIBRATION -> ofCalibration(source.code());
            case EXCURSION -> ofExcursion(source.code());
            // opened only when another bank recalls milk it sent here (Recalls.openFromAnotherBank)
            case NETWORK -> throw new RuleViolation("recall.source.network.notHere");
        };
        if (resolved.roots().isEmpty()) {
            throw new RuleViolation("recall.source.noMilk", resolved.label());
        }
        return resolved;
    }

    RecallPreview preview(RecallSource source) {
        Resolved resolved = resolve(source);
        List<RecallPreview.Unit> units = affected(resolved.roots());
        return new RecallPreview(
                source,
                resolved.label(),
                units,
                infants(units.stream().map(RecallPreview.Unit::id).toList()));
    }

    /** Every unit made from the roots (the roots included), in the order of the path. */
    List<RecallPreview.Unit> affected(Collection<UUID> roots) {
        if (roots.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql(UNITS + """
                         where u.id in (select distinct descendant_id
                                        from milk_descendants(cast(:ids as uuid[])))
                        """)
                .param("ids", roots.stream().distinct().toArray(UUID[]::new))
                .query(RecallScope::unit)
                .list()
                .stream()
                .sorted(Comparator.comparing((Row r) -> r.unit().kind())
                        .thenComparing(Row::createdAt)
                        .thenComparing(r -> r.unit().label()))
                .map(Row::unit)
                .toList();
    }

    /** Where each unit is now (for closing: milk decided discarded must have left the bank). */
    Map<UUID, RecallPreview.Unit> now(Collection<UUID> unitIds) {
        Map<UUID, RecallPreview.Unit> byId = new HashMap<>();
        if (unitIds.isEmpty()) {
            return byId;
        }
        jdbc.sql(UNITS + " where u.id = any(cast(:ids as uuid[]))")
                .param("ids", unitIds.stream().distinct().toArray(UUID[]::new))
                .query(RecallScope::unit)
                .list()
                .forEach(r -> byId.put(r.unit().id(), r.unit()));
        return byId;
    }

    /** Every infant given any of the units (a dispense or a feed), with the unit and when. */
    List<RecallPreview.Infant> infants(Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        boolean names = maySeeInfantNames();
        NameOrder order = names ? standards.activeProfile().namesOrder() : null;
        return jdbc.sql("""
                        select e.infant_id, e.unit_id, min(e.at) as at, i.infant_code, i.ward, i.family_name,
                               i.given_name, u.din, u.code
                        from milk_event e
                        join milk_unit u on u.id = e.unit_id
                        left join dispensing_infant_v i on i.id = e.infant_id
                        where e.unit_id = any(cast(:ids as uuid[])) and e.infant_id is not null
                        group by e.infant_id, e.unit_id, i.infant_code, i.ward, i.family_name, i.given_name, u.din,
                                 u.code
                        order by min(e.at), i.infant_code
                        """)
                .param("ids", unitIds.stream().distinct().toArray(UUID[]::new))
                .query((rs, n) -> new RecallPreview.Infant(
                        rs.getObject("infant_id", UUID.class),
                        Optional.ofNullable(rs.getString("infant_code")).orElse("?"),
                        names ? PersonName.of(rs.getString("given_name"), rs.getString("family_name"), order) : null,
                        rs.getString("ward"),
                        rs.getObject("unit_id", UUID.class),
                        UnitLabel.of(rs.getString("din"), rs.getString("code")),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Where a unit's milk is, from its state in its module and its own events. */
    static Whereabouts whereabouts(MilkUnitKind kind, String state, boolean fed, boolean dispensed, boolean discarded) {
        if (fed) {
            return Whereabouts.FED;
        }
        if (dispensed || "DISPENSED".equals(state)) {
            return Whereabouts.ON_WARD;
        }
        if ("TRANSFERRED".equals(state)) {
            return Whereabouts.TRANSFERRED;
        }
        if (discarded || (state != null && GONE_STATES.contains(state))) {
            return Whereabouts.GONE;
        }
        // a run is a record of pasteurising; its milk is in its bottles
        if (kind == MilkUnitKind.RUN || (state != null && USED_STATES.contains(state))) {
            return Whereabouts.USED;
        }
        return Whereabouts.IN_BANK;
    }

    private record Row(RecallPreview.Unit unit, java.time.Instant createdAt) {}

    private static Row unit(ResultSet rs, int n) throws SQLException {
        MilkUnitKind kind = MilkUnitKind.valueOf(rs.getString("kind"));
        String state = rs.getString("state");
        Whereabouts where =
                whereabouts(kind, state, rs.getBoolean("fed"), rs.getBoolean("dispensed"), rs.getBoolean("discarded"));
        String ward = rs.getString("ward");
        String place = where == Whereabouts.ON_WARD || where == Whereabouts.FED
                ? Optional.ofNullable(ward).orElse(rs.getString("place"))
                : rs.getString("place");
        return new Row(
                new RecallPreview.Unit(
                        rs.getObject("id", UUID.class),
                        kind,
                        UnitLabel.of(rs.getString("din"), rs.getString("code")),
                        state,
                        place,
                        where,
                        where != Whereabouts.FED),
                rs.getTimestamp("created_at").toInstant());
    }

    private Resolved ofDonor(String code) {
        String typed = required(code, "recall.source.donor.required");
        var donor = donorByCode(typed).orElseThrow(() -> new RuleViolation("recall.source.donor.unknown", typed));
        return new Resolved(containersOf(donor.id(), null, null, null), donor.code(), donor.id());
    }

    private Resolved ofUnit(String code) {
        String typed = required(code, "recall.source.unit.required");
        Optional<UnitRef> unit = parseDin(typed)
                .flatMap(din -> jdbc.sql("select id, din, code from milk_unit where din = :din")
                        .param("din", din.value())
                        .query((rs, n) ->
                                new UnitRef(rs.getObject("id", UUID.class), UnitLabel.of(rs.getString("din"), null)))
                        .optional());
        if (unit.isEmpty()) {
            unit = UnitLabel.storedRunCode(typed)
                    .flatMap(run -> jdbc.sql("select id, code from milk_unit where kind = 'RUN' and code = :code")
                            .param("code", run)
                            .query((rs, n) -> new UnitRef(
                                    rs.getObject("id", UUID.class), UnitLabel.of(null, rs.getString("code"))))
                            .optional());
        }
        UnitRef found = unit.orElseThrow(() -> new RuleViolation("recall.source.unit.unknown", typed));
        return new Resolved(List.of(found.id()), found.label(), null);
    }

    /**
     * The runs an instrument measured between its last good calibration and the one that found it out of tolerance,
     * and that fail once the error found is applied: pasteurisation judges them and publishes the result in
     * {@code pasteurization_calibration_impact_v}; the recall reaches every bottle of those runs.
     */
    private Resolved ofCalibration(String code) {
        String typed = required(code, "recall.source.calibration.required");
        UUID calibration;
        try {
            calibration = UUID.fromString(typed);
        } catch (IllegalArgumentException notAnId) {
            throw new RuleViolation("recall.source.calibration.unknown", typed);
        }
        List<ImpactRow> rows = jdbc.sql("""
                        select run_id, still_passes, equipment_code, found_at
                          from pasteurization_calibration_impact_v
                         where calibration_id = :calibration
                        """)
                .param("calibration", calibration)
                .query((rs, n) -> new ImpactRow(
                        rs.getObject("run_id", UUID.class),
                        rs.getBoolean("still_passes"),
                        rs.getString("equipment_code"),
                        rs.getTimestamp("found_at").toInstant()))
                .list();
        if (rows.isEmpty()) {
            throw new RuleViolation("recall.source.calibration.unknown", typed);
        }
        ImpactRow first = rows.get(0);
        String label = first.equipmentCode() + " · " + LocalDate.ofInstant(first.foundAt(), clock.getZone());
        List<UUID> failing = rows.stream()
                .filter(r -> !r.stillPasses())
                .map(ImpactRow::runId)
                .toList();
        if (failing.isEmpty()) {
            throw new RuleViolation("recall.source.calibration.nothingFails", label, rows.size());
        }
        return new Resolved(failing, label, null);
    }

    /** Every unit that was inside the storage unit during the excursion's window (storage's published view). */
    private Resolved ofExcursion(String code) {
        String typed = required(code, "recall.source.excursion.required");
        UUID excursion;
        try {
            excursion = UUID.fromString(typed);
        } catch (IllegalArgumentException notAnId) {
            throw new RuleViolation("recall.source.excursion.unknown", typed);
        }
        List<String> label = jdbc.sql("""
                        select storage_unit_code, started_at from storage_excursion_unit_v
                         where excursion_id = :excursion limit 1
                        """)
                .param("excursion", excursion)
                .query((rs, n) -> rs.getString("storage_unit_code") + " · "
                        + LocalDate.ofInstant(rs.getTimestamp("started_at").toInstant(), clock.getZone()))
                .list();
        if (label.isEmpty()) {
            throw new RuleViolation("recall.source.excursion.unknown", typed);
        }
        List<UUID> units = jdbc.sql("select unit_id from storage_excursion_unit_v where excursion_id = :excursion")
                .param("excursion", excursion)
                .query(UUID.class)
                .list();
        return new Resolved(units, label.get(0), null);
    }

    private record ImpactRow(UUID runId, boolean stillPasses, String equipmentCode, Instant foundAt) {}

    private Resolved ofWindow(RecallSource source) {
        if (source.from() == null || source.to() == null || source.basis() == null) {
            throw new RuleViolation("recall.source.window.required");
        }
        if (source.to().isBefore(source.from())) {
            throw new RuleViolation("recall.source.window.endsBeforeStart", source.from(), source.to());
        }
        UUID donorId = null;
        String donorCode = null;
        if (source.code() != null && !source.code().isBlank()) {
            var donor = donorByCode(source.code().strip())
                    .orElseThrow(() -> new RuleViolation(
                            "recall.source.donor.unknown", source.code().strip()));
            donorId = donor.id();
            donorCode = donor.code();
        }
        String label = source.from() + " – " + source.to() + (donorCode == null ? "" : " · " + donorCode);
        return new Resolved(containersOf(donorId, source.basis(), source.from(), source.to()), label, donorId);
    }

    /** The donor's containers expressed within the window (either end open), as a donor window hold covers them. */
    List<UUID> containersWithin(UUID donorId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select u.id from milk_unit u where u.kind = 'CONTAINER' and u.donor_id = :donor
                          and (cast(:from as date) is null or u.expressed_on >= :from)
                          and (cast(:to as date) is null or u.expressed_on <= :to)
                        order by u.expressed_on, u.id
                        """)
                .param("donor", donorId)
                .param("from", from)
                .param("to", to)
                .query(UUID.class)
                .list();
    }

    private List<UUID> containersOf(UUID donorId, RecallSource.WindowBasis basis, LocalDate from, LocalDate to) {
        String day = basis == RecallSource.WindowBasis.RECEIVED
                ? "cast(u.created_at at time zone :zone as date)"
                : "u.expressed_on";
        return jdbc.sql("select u.id from milk_unit u where u.kind = 'CONTAINER'"
                        + " and (cast(:donor as uuid) is null or u.donor_id = :donor)"
                        + (basis == null ? "" : " and " + day + " between :from and :to")
                        + " order by u.expressed_on, u.id")
                .param("donor", donorId)
                .param("zone", DatabaseZone.of(clock.getZone()))
                .param("from", from)
                .param("to", to)
                .query(UUID.class)
                .list();
    }

    private record DonorRef(UUID id, String code) {}

    private record UnitRef(UUID id, String label) {}

    private Optional<DonorRef> donorByCode(String code) {
        return jdbc.sql("select id, donor_code from donor_trace_v where upper(donor_code) = upper(:code)")
                .param("code", code)
                .query((rs, n) -> new DonorRef(rs.getObject("id", UUID.class), rs.getString("donor_code")))
                .optional();
    }

    private static Optional<Din> parseDin(String typed) {
        try {
            return Optional.of(Din.parse(typed.strip()));
        } catch (InvalidDinException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String required(String code, String key) {
        if (code == null || code.isBlank()) {
            throw new RuleViolation(key);
        }
        return code.strip();
    }

    private static boolean maySeeInfantNames() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(MAY_SEE_INFANT_NAMES::contains);
    }
}
