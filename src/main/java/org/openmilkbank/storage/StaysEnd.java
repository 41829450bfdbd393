package org.openmilkbank.storage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;
import org.openmilkbank.traceability.MilkUnitKind;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit that leaves the shelves (dispensed, discarded, or poured into a pool) ends its stay, in the same
 * transaction as the step: learnt from the lineage event every milk module publishes, so storage needs none of
 * their code.
 */
@Component
class StaysEnd {

    private final JdbcClient jdbc;

    StaysEnd(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MilkHandled event) {
        if (event instanceof UnitsPlaced) {
            return;
        }
        MilkHandling h = event.handling();
        for (MilkHandling.Happened e : h.events()) {
            if (e.type() == MilkEventType.DISPENSED) {
                close(List.of(e.unitId()), Placement.Ended.DISPENSED, e.at());
            } else if (e.type() == MilkEventType.DISCARDED) {
                close(List.of(e.unitId()), Placement.Ended.DISCARDED, e.at());
            }
        }
        // milk poured into a pool (a pool into a run, a run into bottles) is used up; a sample or aliquot is not
        java.util.Set<UUID> madeWhole = new java.util.HashSet<>();
        for (MilkHandling.NewUnit u : h.units()) {
            if (u.kind() == MilkUnitKind.POOL || u.kind() == MilkUnitKind.RUN || u.kind() == MilkUnitKind.BOTTLE) {
                madeWhole.add(u.id());
            }
        }
        List<UUID> used = new ArrayList<>();
        Instant at = null;
        for (MilkHandling.Link l : h.links()) {
            if (madeWhole.contains(l.childId())) {
                used.add(l.parentId());
                at = l.at();
            }
        }
        if (!used.isEmpty()) {
            close(used, Placement.Ended.TAKEN_OUT, at);
        }
    }

    private void close(List<UUID> units, Placement.Ended why, Instant at) {
        jdbc.sql("""
                        update storage_placement
                        set removed_at = greatest(placed_at, :at), removed_by = :by, removed_reason = :why
                        where removed_at is null and unit_id = any(cast(:units as uuid[]))
                        """)
                .param("at", Timestamp.from(at))
                .param("by", CurrentActor.username())
                .param("why", why.name())
                .param("units", units.toArray(UUID[]::new))
                .update();
    }
}
