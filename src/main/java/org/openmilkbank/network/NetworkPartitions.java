package org.openmilkbank.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the hub's monthly partitions ahead (this month and the next three) at start and every day, for the tables
 * partitioned by month that this part of the network owns. A row of a month without its partition lands in the
 * table's default partition, so nothing is refused; the next call moves such rows into their month's new partition.
 */
@Component
public class NetworkPartitions {

    /** Each table partitioned by month and the column it is partitioned on. */
    static final List<String[]> TABLES =
            List.of(new String[] {"network_batch", "created_at"}, new String[] {"network_indicator", "month"});

    private final JdbcClient jdbc;
    private final Clock clock;

    NetworkPartitions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        makeAhead();
    }

    @Scheduled(cron = "${openmilkbank.network.partitions-cron:0 17 2 * * *}")
    void daily() {
        makeAhead();
    }

    /** This month's and the next three months' partitions, and those of any month the default partitions hold. */
    public void makeAhead() {
        LocalDate today = LocalDate.now(clock);
        for (String[] t : TABLES) {
            make(t[0], t[1], today.withDayOfMonth(1), today.plusMonths(3));
            // months that arrived before their partition existed (a bank's clock far off, months sent late)
            List<LocalDate> held = jdbc.sql(
                            "select distinct date_trunc('month', " + t[1] + ")::date from " + t[0] + "_default")
                    .query(LocalDate.class)
                    .list();
            for (LocalDate m : held) {
                make(t[0], t[1], m, m);
            }
        }
    }

    /** The partitions of {@code table} for the months {@code first} to {@code last}. */
    public void make(String table, String column, LocalDate first, LocalDate last) {
        jdbc.sql("select network_partitions_ahead(cast(? as regclass), ?, ?, ?)")
                .params(table, column, java.sql.Date.valueOf(first), java.sql.Date.valueOf(last))
                .query((rs, n) -> 1)
                .list();
    }
}
