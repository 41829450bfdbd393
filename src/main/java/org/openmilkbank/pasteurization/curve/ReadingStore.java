package org.openmilkbank.pasteurization.curve;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.equipment.log.Reading;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A log's readings, written in batches (a 10-probe, 3-hour log is 1,800 rows) and read back in time order. */
@Component
class ReadingStore {

    private final JdbcTemplate jdbc;

    ReadingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID logId, UUID runId, ReadingSource source, List<Reading> readings) {
        jdbc.batchUpdate(
                "insert into pasteurization_run_reading (log_id, run_id, probe, read_at, celsius, source)"
                        + " values (?, ?, ?, ?, ?, ?)",
                readings,
                500,
                (ps, r) -> {
                    ps.setObject(1, logId);
                    ps.setObject(2, runId);
                    ps.setString(3, r.probe());
                    ps.setTimestamp(4, Timestamp.from(r.at()));
                    ps.setBigDecimal(5, r.celsius());
                    ps.setString(6, source.name());
                });
    }

    List<Reading> of(UUID logId) {
        return jdbc.query(
                "select probe, read_at, celsius from pasteurization_run_reading where log_id = ? order by read_at, probe",
                (rs, i) -> new Reading(
                        rs.getString("probe"), rs.getTimestamp("read_at").toInstant(), rs.getBigDecimal("celsius")),
                logId);
    }
}
