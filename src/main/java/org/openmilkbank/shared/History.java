package org.openmilkbank.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only history of every record: who did what, when, and why for corrections and voids.
 * Written in the caller's transaction, so a refused change leaves no history either.
 */
@Component
public class History {

    private final JdbcClient jdbc;
    private final Clock clock;

    History(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String recordType, Object recordId, String action, String detail) {
        write(recordType, recordId, action, detail, null);
    }

    /** A correction or void: the reason is required. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordCorrection(String recordType, Object recordId, String action, String detail, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required");
        }
        write(recordType, recordId, action, detail, reason.strip());
    }

    private void write(String recordType, Object recordId, String action, String detail, String reason) {
        jdbc.sql("""
                        insert into history_entry (id, record_type, record_id, action, detail, reason, actor, at)
                        values (:id, :type, :recordId, :action, :detail, :reason, :actor, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("type", recordType)
                .param("recordId", String.valueOf(recordId))
                .param("action", action)
                .param("detail", detail)
                .param("reason", reason)
                .param("actor", CurrentActor.username())
                .param("at", java.sql.Timestamp.from(Instant.now(clock)))
                .update();
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> of(String recordType, Object recordId) {
        return jdbc.sql("""
                        select action, detail, reason, actor, at from history_entry
                        where record_type = :type and record_id = :recordId order by at, id
                        """)
                .param("type", recordType)
                .param("recordId", String.valueOf(recordId))
                .query((rs, n) -> new HistoryEntry(
                        rs.getString("action"),
                        rs.getString("detail"),
                        rs.getString("reason"),
                        rs.getString("actor"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    public record HistoryEntry(String action, String detail, String reason, String actor, Instant at) {}
}
