package org.openmilkbank.collection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.openmilkbank.donor.DonorMilkBlocked;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first step of a block, in the transaction that deferred the donor or recorded her positive result: records
 * the block and blocks her milk still in the raw store. It runs before processing looks for her pools, and it
 * locks every one of her containers, so a pooling of her milk either committed before (and processing finds the
 * pool) or waits and is refused.
 */
@Component
class RawMilkBlock {

    private final RawContainerRepository containers;
    private final JdbcClient jdbc;
    private final History history;

    private final DonorMilkLock donorMilkLock;

    RawMilkBlock(RawContainerRepository containers, JdbcClient jdbc, History history, DonorMilkLock donorMilkLock) {
        this.donorMilkLock = donorMilkLock;
        this.containers = containers;
        this.jdbc = jdbc;
        this.history = history;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Transactional(propagation = Propagation.MANDATORY)
    void on(DonorMilkBlocked event) {
        // a reception of her milk that is under way commits first, so its containers are found below
        donorMilkLock.lock(event.donorId());
        jdbc.sql("""
                        insert into milk_block (id, donor_id, donor_code, reason, blocked_at, blocked_by)
                        values (:id, :donorId, :donorCode, :reason, :at, :by)
                        """)
                .param("id", UUID.randomUUID())
                .param("donorId", event.donorId())
                .param("donorCode", event.donorCode())
                .param("reason", event.reason())
                .param("at", java.sql.Timestamp.from(at(event)))
                .param("by", CurrentActor.username())
                .update();
        for (RawContainer container : containers.lockAllOfDonor(event.donorId())) {
            if (container.block(event.reason())) {
                history.recordCorrection(
                        CollectionManagement.CONTAINER,
                        container.id(),
                        "blocked",
                        Din.parse(container.din()).withCheck() + ", donor " + event.donorCode(),
                        event.reason());
            }
        }
    }

    private static Instant at(DonorMilkBlocked event) {
        return (event.at() == null ? Instant.now() : event.at()).truncatedTo(ChronoUnit.MICROS);
    }
}
