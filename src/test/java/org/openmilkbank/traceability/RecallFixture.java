package org.openmilkbank.traceability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.support.DispensingFixtures;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A pool of two donors' containers, its run and three bottles, one dispensed to an infant, reached through the
 * real module APIs; the lineage of each unit is written through {@link LineageWriter} unless its module already
 * wrote it (so the fixture holds before and after the modules publish their own lineage events).
 */
public final class RecallFixture {

    public record Made(
            List<RawContainerView> containers,
            UUID poolId,
            String poolDin,
            UUID runId,
            String runCode,
            List<BottleView> bottles,
            InfantView infant) {

        public BottleView dispensed() {
            return bottles.get(0);
        }

        public List<BottleView> inStock() {
            return bottles.subList(1, bottles.size());
        }
    }

    private RecallFixture() {}

    public static Made poolWithADispensedBottle(ApplicationContext context) {
        DispensingFixtures f = new DispensingFixtures(context);
        DonorView a = f.eligibleDonor();
        DonorView b = f.eligibleDonor();
        DispensingFixtures.Batch batch = f.released(f.containers(3, a, b), 3);
        InfantView infant = f.infantWithConsent();
        BottleView dispensed = batch.bottles().get(0);
        f.dispense(infant, dispensed);

        JdbcClient jdbc = context.getBean(JdbcClient.class);
        LineageWriter writer = context.getBean(LineageWriter.class);
        String runCode = batch.pool().din() + "-R1";
        new TransactionTemplate(context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                .executeWithoutResult(tx -> {
                    Instant made = batch.pool().createdAt();
                    MilkHandling.Builder lineage = MilkHandling.builder();
                    for (RawContainerView c : batch.containers()) {
                        if (absent(jdbc, c.id())) {
                            lineage.container(
                                    c.id(), Din.parse(c.din()), c.donorId(), c.expressedOn(), made.minusSeconds(3600));
                        }
                    }
                    boolean poolAbsent = absent(jdbc, batch.pool().id());
                    if (poolAbsent) {
                        lineage.unit(batch.pool().id(), Din.parse(batch.pool().din()), MilkUnitKind.POOL, made);
                        batch.containers()
                                .forEach(c -> lineage.link(c.id(), batch.pool().id(), c.volumeMl(), made));
                    }
                    if (absent(jdbc, batch.run().id())) {
                        lineage.unitNamed(batch.run().id(), runCode, MilkUnitKind.RUN, made.plusSeconds(60));
                        lineage.link(batch.pool().id(), batch.run().id(), null, made.plusSeconds(60));
                    }
                    for (BottleView bottle : batch.bottles()) {
                        if (absent(jdbc, bottle.id())) {
                            lineage.unit(
                                    bottle.id(), Din.parse(bottle.din()), MilkUnitKind.BOTTLE, made.plusSeconds(120));
                            lineage.link(batch.run().id(), bottle.id(), bottle.volumeMl(), made.plusSeconds(120));
                            lineage.event(
                                    bottle.id(),
                                    MilkEventType.FILLED,
                                    made.plusSeconds(120),
                                    null,
                                    Map.of(
                                            "expiresOn",
                                            LocalDate.now().plusMonths(3).toString()));
                        }
                    }
                    boolean dispenseRecorded =
                            jdbc.sql("select count(*) from milk_event where unit_id = :id and type = 'DISPENSED'")
                                            .param("id", dispensed.id())
                                            .query(Integer.class)
                                            .single()
                                    > 0;
                    if (!dispenseRecorded) {
                        lineage.eventFor(dispensed.id(), MilkEventType.DISPENSED, Instant.now(), infant.id(), Map.of());
                    }
                    writer.write(lineage.build());
                });
        String storedRunCode = jdbc.sql("select code from milk_unit where id = :id")
                .param("id", batch.run().id())
                .query(String.class)
                .single();
        return new Made(
                batch.containers(),
                batch.pool().id(),
                batch.pool().din(),
                batch.run().id(),
                // a run is named by its pool's DIN with the check character, as people see it
                org.openmilkbank.shared.Din.parse(storedRunCode.substring(0, storedRunCode.indexOf("-R")))
                                .withCheck()
                        + storedRunCode.substring(storedRunCode.indexOf("-R")),
                context.getBean(org.openmilkbank.inventory.Inventory.class)
                        .bottlesOfRun(batch.run().id()),
                infant);
    }

    private static boolean absent(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select count(*) from milk_unit where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                == 0;
    }
}
