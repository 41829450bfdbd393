package org.openmilkbank.dispensing;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Bottles an accepted allocation holds for an order (V190): the one-step dispense offers them to no one else. */
@FunctionalInterface
interface ReservedBottles {

    Set<UUID> ids();

    @Component
    class FromOrders implements ReservedBottles {

        private final JdbcClient jdbc;

        FromOrders(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Set<UUID> ids() {
            return new HashSet<>(jdbc.sql("select bottle_id from milk_order_bottle where freed_at is null")
                    .query(UUID.class)
                    .list());
        }
    }
}
