package org.openmilkbank.traceability;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.support.DispensingFixtures;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the lineage of milk made through the real module APIs, through the one writer, for the units a module did
 * not already write itself (the steps publish their lineage events as they are moved onto the gate).
 */
final class LineageFixtures {

    private final LineageWriter writer;
    private final JdbcClient jdbc;

    LineageFixtures(ApplicationContext context) {
        this.writer = context.getBean(LineageWriter.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    private boolean known(UUID unit) {
        return jdbc.sql("select exists (select 1 from milk_unit where id = :id)")
                .param("id", unit)
                .query(Boolean.class)
                .single();
    }

    void containers(List<RawContainerView> containers) {
        MilkHandling.Builder b = MilkHandling.builder();
        Instant at = Instant.now();
        for (RawContainerView c : containers) {
            if (!known(c.id())) {
                b.container(c.id(), Din.parse(c.din()), c.donorId(), c.expressedOn(), at)
                        .event(c.id(), MilkEventType.RECEIVED, at, null, Map.of("volumeMl", c.volumeMl()));
            }
        }
        writer.write(b.build());
    }

    /** The batch's containers, pool, run and bottles with their links and events. */
    void batch(DispensingFixtures.Batch batch) {
        containers(batch.containers());
        MilkHandling.Builder b = MilkHandling.builder();
        UUID pool = batch.pool().id();
        Instant made = batch.pool().createdAt();
        if (!known(pool)) {
            b.unit(pool, Din.parse(batch.pool().din()), MilkUnitKind.POOL, made);
            batch.containers().forEach(c -> b.link(c.id(), pool, c.volumeMl(), made));
            b.event(
                    pool,
                    MilkEventType.POOLED,
                    made,
                    null,
                    Map.of("volumeMl", batch.pool().volumeMl()));
        }
        UUID run = batch.run().id();
        if (!known(run)) {
            b.unitNamed(
                            run,
                            batch.pool().din() + "-R1",
                            MilkUnitKind.RUN,
                            batch.run().startedAt())
                    .link(pool, run, null, batch.run().startedAt())
                    .event(run, MilkEventType.PASTEURISED, batch.run().endedAt(), null, Map.of("method", "HOLDER"));
        }
        for (BottleView bottle : batch.bottles()) {
            if (!known(bottle.id())) {
                b.unit(
                                bottle.id(),
                                Din.parse(bottle.din()),
                                MilkUnitKind.BOTTLE,
                                batch.run().endedAt())
                        .link(run, bottle.id(), bottle.volumeMl(), batch.run().endedAt())
                        .event(
                                bottle.id(),
                                MilkEventType.FILLED,
                                batch.run().endedAt(),
                                null,
                                Map.of("expiresOn", bottle.expiresOn().toString()));
            }
        }
        writer.write(b.build());
    }

    /** The dispense of a bottle to an infant, unless dispensing already wrote it. */
    void dispensed(InfantView infant, BottleView bottle) {
        boolean written = jdbc.sql("""
                        select exists (select 1 from milk_event
                                       where unit_id = :unit and type = 'DISPENSED' and infant_id = :infant)
                        """)
                .param("unit", bottle.id())
                .param("infant", infant.id())
                .query(Boolean.class)
                .single();
        if (!written) {
            writer.write(MilkHandling.builder()
                    .eventFor(bottle.id(), MilkEventType.DISPENSED, Instant.now(), infant.id(), Map.of())
                    .build());
        }
    }
}
