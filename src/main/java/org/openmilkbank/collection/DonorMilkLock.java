package org.openmilkbank.collection;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One donor's reception and the block of her milk take turns: a PostgreSQL advisory lock held until the end
 * of the transaction. A reception that started first commits before the block looks for her containers (so
 * they are blocked too); a reception that starts after the block waits and then sees her deferral.
 */
@Component
class DonorMilkLock {

    private final JdbcClient jdbc;

    DonorMilkLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void lock(UUID donorId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "donor-milk:" + donorId)
                .query(Object.class)
                .single();
    }
}
