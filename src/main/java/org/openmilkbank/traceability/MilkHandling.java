package org.openmilkbank.traceability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.shared.Din;

/** What one step adds to the lineage: new units, parent → child links, and events on units. */
public record MilkHandling(List<NewUnit> units, List<Link> links, List<Happened> events) {

    public MilkHandling {
        units = List.copyOf(units);
        links = List.copyOf(links);
        events = List.copyOf(events);
    }

    /** A unit that comes into being; only a container has its own donor and expression day. */
    public record NewUnit(
            UUID id, Din din, String code, MilkUnitKind kind, UUID donorId, LocalDate expressedOn, Instant createdAt) {}

    public record Link(UUID parentId, UUID childId, Integer volumeMl, Instant at) {}

    /**
     * An event on a unit. {@code data} holds typed facts (volumes, expiry, outcome codes), never prose; the
     * reason is a code rendered in the reader's language.
     */
    public record Happened(
            UUID unitId,
            MilkEventType type,
            Instant at,
            String place,
            String reasonCode,
            UUID infantId,
            Map<String, Object> data) {}

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<NewUnit> units = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final List<Happened> events = new ArrayList<>();

        public Builder container(UUID id, Din din, UUID donorId, LocalDate expressedOn, Instant at) {
            units.add(new NewUnit(id, din, null, MilkUnitKind.CONTAINER, donorId, expressedOn, at));
            return this;
        }

        /** A unit made from others (pool, run, bottle, aliquot, sample). */
        public Builder unit(UUID id, Din din, MilkUnitKind kind, Instant at) {
            units.add(new NewUnit(id, din, null, kind, null, null, at));
            return this;
        }

        /** A unit without a DIN of its own, named by a code (a run: its pool's DIN and its number on the pool). */
        public Builder unitNamed(UUID id, String code, MilkUnitKind kind, Instant at) {
            units.add(new NewUnit(id, null, code, kind, null, null, at));
            return this;
        }

        public Builder link(UUID parentId, UUID childId, Integer volumeMl, Instant at) {
            links.add(new Link(parentId, childId, volumeMl, at));
            return this;
        }

        public Builder event(UUID unitId, MilkEventType type, Instant at) {
            return event(unitId, type, at, null, Map.of());
        }

        public Builder event(UUID unitId, MilkEventType type, Instant at, String reasonCode, Map<String, ?> data) {
            events.add(new Happened(unitId, type, at, null, reasonCode, null, new LinkedHashMap<>(data)));
            return this;
        }

        public Builder eventFor(UUID unitId, MilkEventType type, Instant at, UUID infantId, Map<String, ?> data) {
            events.add(new Happened(unitId, type, at, null, null, infantId, new LinkedHashMap<>(data)));
            return this;
        }

        public Builder eventAt(UUID unitId, MilkEventType type, Instant at, String place, Map<String, ?> data) {
            events.add(new Happened(unitId, type, at, place, null, null, new LinkedHashMap<>(data)));
            return this;
        }

        public MilkHandling build() {
            return new MilkHandling(units, links, events);
        }
    }
}
