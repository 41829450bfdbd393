package org.openmilkbank.network;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.labeling.Freezer;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;
import org.openmilkbank.traceability.MilkUnitKind;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the de-identified events of each milk step to the outbox, in the step's own transaction (a plain listener
 * of {@link MilkHandled} runs in the publishing transaction: a step that rolls back leaves no entry), only when the
 * bank agreed to share events ({@link NetworkSharing#sharesEvents()}, chosen by its manager on {@code /network}).
 * One step is one entry of kind {@code events}, however many units it touched (a pool of twenty containers, a run of
 * thirty bottles).
 *
 * <p>Each event carries only: its type, its hour, its month at the bank, the unit's kind and pseudonym
 * ({@link UnitPseudonyms}), the volume in mL, the ICCBBA product and a reason allowed by {@link UnitEventPolicy}.
 * Nothing of the event's data (donation, box, infant, place, culture counts, the DIN a dispense passed over) is
 * copied.
 */
@Component
class UnitEventsWriter {

    static final String KIND = "events";

    private final NetworkSharing sharing;
    private final NetworkOutbox outbox;
    private final UnitPseudonyms pseudonyms;
    private final Freezer freezer;
    private final JdbcClient jdbc;
    private final Clock clock;

    UnitEventsWriter(
            NetworkSharing sharing,
            NetworkOutbox outbox,
            UnitPseudonyms pseudonyms,
            Freezer freezer,
            JdbcClient jdbc,
            Clock clock) {
        this.sharing = sharing;
        this.outbox = outbox;
        this.pseudonyms = pseudonyms;
        this.freezer = freezer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(MilkHandled event) {
        MilkHandling handling = event.handling();
        List<MilkHandling.Happened> shared = handling.events().stream()
                .filter(e -> UnitEventPolicy.shares(e.type()))
                .toList();
        if (shared.isEmpty() || !sharing.sharesEvents()) {
            return;
        }
        Map<UUID, Unit> units = units(handling, shared);
        List<Map<String, Object>> events = new ArrayList<>();
        for (MilkHandling.Happened e : shared) {
            Unit unit = units.getOrDefault(e.unitId(), new Unit(null, null));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", e.type().name());
            out.put("at", UnitEventPolicy.hour(e.at()).toString());
            out.put("month", YearMonth.from(e.at().atZone(clock.getZone())).toString());
            out.put("unit", pseudonyms.of(e.unitId()));
            putIfPresent(
                    out, "unitKind", unit.kind() == null ? null : unit.kind().name());
            putIfPresent(out, "volumeMl", volume(e, unit));
            putIfPresent(out, "product", product(unit.kind()));
            putIfPresent(out, "reason", UnitEventPolicy.reason(e.type(), e.reasonCode()));
            events.add(out);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", KIND);
        payload.put("month", events.get(0).get("month"));
        payload.put("count", events.size());
        payload.put("events", events);
        outbox.add(payload);
    }

    private static void putIfPresent(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    /** The volume the event itself names (a feed, a remainder, a container received), else the unit's own. */
    private static Integer volume(MilkHandling.Happened e, Unit unit) {
        Object v = e.data() == null ? null : e.data().get("volumeMl");
        if (v instanceof Number n) {
            return n.intValue();
        }
        return unit.volumeMl();
    }

    private String product(MilkUnitKind kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case CONTAINER, POOL -> freezer.rawProduct().code();
            case RUN, BOTTLE, ALIQUOT -> freezer.pasteurisedProduct().code();
            case SAMPLE -> null;
        };
    }

    private record Unit(MilkUnitKind kind, Integer volumeMl) {}

    /**
     * The kind and volume of each unit the events name: a unit this step makes from the step itself (the lineage
     * may not hold it yet), any other from the lineage (what flowed into it, or what was received in a container).
     */
    private Map<UUID, Unit> units(MilkHandling handling, List<MilkHandling.Happened> events) {
        Map<UUID, Unit> units = new HashMap<>();
        for (MilkHandling.NewUnit u : handling.units()) {
            Integer volume = handling.links().stream()
                    .filter(l -> l.childId().equals(u.id()) && l.volumeMl() != null)
                    .map(MilkHandling.Link::volumeMl)
                    .reduce(Integer::sum)
                    .orElse(null);
            units.put(u.id(), new Unit(u.kind(), volume));
        }
        Set<UUID> known = new LinkedHashSet<>();
        events.stream()
                .map(MilkHandling.Happened::unitId)
                .filter(id -> !units.containsKey(id))
                .forEach(known::add);
        if (!known.isEmpty()) {
            jdbc.sql("""
                            select u.id, u.kind,
                                coalesce(
                                    (select sum(l.volume_ml) from milk_link l where l.child_id = u.id),
                                    (select (e.data ->> 'volumeMl')::int from milk_event e
                                     where e.unit_id = u.id and e.type in ('RECEIVED', 'HELD_AT_RECEPTION', 'REJECTED')
                                       and jsonb_typeof(e.data -> 'volumeMl') = 'number'
                                     order by e.at limit 1)) as volume_ml
                            from milk_unit u where u.id in (:ids)
                            """)
                    .param("ids", known)
                    .query((rs, n) -> {
                        Number volume = (Number) rs.getObject("volume_ml");
                        return Map.entry(
                                rs.getObject("id", UUID.class),
                                new Unit(
                                        MilkUnitKind.valueOf(rs.getString("kind")),
                                        volume == null ? null : volume.intValue()));
                    })
                    .list()
                    .forEach(e -> units.put(e.getKey(), e.getValue()));
        }
        return units;
    }
}
