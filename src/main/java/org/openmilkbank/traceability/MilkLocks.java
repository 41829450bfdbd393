package org.openmilkbank.traceability;

import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transaction-scoped advisory locks that make a step and a hold take turns. The gate takes them shared (steps on
 * different units of one donor run side by side); placing or ending a hold takes them exclusive. Always in one
 * order: the donor first, then units sorted by id, so two transactions never wait on each other in a circle.
 */
@Component
class MilkLocks {

    private final JdbcClient jdbc;

    MilkLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void sharedDonors(Collection<UUID> donorIds) {
        donorIds.stream().distinct().sorted().forEach(id -> lock("pg_advisory_xact_lock_shared", "milk-donor:" + id));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void sharedUnits(Collection<UUID> unitIds) {
        unitIds.stream().distinct().sorted().forEach(id -> lock("pg_advisory_xact_lock_shared", "milk-unit:" + id));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void exclusiveDonor(UUID donorId) {
        lock("pg_advisory_xact_lock", "milk-donor:" + donorId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void exclusiveUnits(Collection<UUID> unitIds) {
        unitIds.stream().distinct().sorted().forEach(id -> lock("pg_advisory_xact_lock", "milk-unit:" + id));
    }

    private void lock(String function, String key) {
        jdbc.sql("select " + function + "(hashtextextended(:key, 0))")
                .param("key", key)
                .query(Object.class)
                .single();
    }
}
