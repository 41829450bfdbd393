package org.openmilkbank.traceability;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The only writer of the lineage: appends what a milk module's past-tense event says, in its transaction. */
@Component
class LineageWriter {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    LineageWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MilkHandled event) {
        write(event.handling());
    }

    void write(MilkHandling handling) {
        for (MilkHandling.NewUnit u : handling.units()) {
            jdbc.sql("""
                            insert into milk_unit (id, din, code, kind, donor_id, expressed_on, created_at)
                            values (:id, :din, :code, :kind, :donorId, :expressedOn, :createdAt)
                            """)
                    .param("id", u.id())
                    .param("din", u.din() == null ? null : u.din().value())
                    .param("code", u.code())
                    .param("kind", u.kind().name())
                    .param("donorId", u.donorId())
                    .param("expressedOn", u.expressedOn())
                    .param("createdAt", ts(u.createdAt()))
                    .update();
        }
        for (MilkHandling.Link l : handling.links()) {
            jdbc.sql("""
                            insert into milk_link (parent_id, child_id, volume_ml, at)
                            values (:parent, :child, :volume, :at)
                            """)
                    .param("parent", l.parentId())
                    .param("child", l.childId())
                    .param("volume", l.volumeMl())
                    .param("at", ts(l.at()))
                    .update();
        }
        for (MilkHandling.Happened e : handling.events()) {
            appendEvent(e);
        }
    }

    void appendEvent(MilkHandling.Happened e) {
        jdbc.sql("""
                        insert into milk_event (id, unit_id, type, at, actor, place, reason_code, infant_id, data)
                        values (:id, :unit, :type, :at, :actor, :place, :reason, :infant, cast(:data as jsonb))
                        """)
                .param("id", UUID.randomUUID())
                .param("unit", e.unitId())
                .param("type", e.type().name())
                .param("at", ts(e.at()))
                .param("actor", CurrentActor.username())
                .param("place", e.place())
                .param("reason", e.reasonCode())
                .param("infant", e.infantId())
                .param("data", JSON.writeValueAsString(e.data() == null ? java.util.Map.of() : e.data()))
                .update();
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
