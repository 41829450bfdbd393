package org.openmilkbank.shared.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Follow-up steps (asynchronous listeners) whose publication is still incomplete some minutes after the change
 * that published them: the process died, or the step failed. Outstanding ones are re-sent at every start
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}); an ADMIN sees the stuck ones and
 * re-sends them here.
 */
@Component
class StuckEventPublications {

    /** One incomplete publication, as an ADMIN sees it. */
    record StuckPublication(
            UUID id,
            String listener,
            String eventType,
            Instant publishedAt,
            String status,
            int attempts,
            Instant lastResubmittedAt) {}

    private final JdbcTemplate jdbc;
    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration stuckAfter;

    StuckEventPublications(
            JdbcTemplate jdbc,
            IncompleteEventPublications incomplete,
            Clock clock,
            @Value("${openmilkbank.events.stuck-after:PT5M}") Duration stuckAfter) {
        this.jdbc = jdbc;
        this.incomplete = incomplete;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    Duration stuckAfter() {
        return stuckAfter;
    }

    List<StuckPublication> list() {
        return jdbc.query(
                "select id, listener_id, event_type, publication_date, status, completion_attempts,"
                        + " last_resubmission_date from event_publication"
                        + " where completion_date is null and publication_date < ? order by publication_date",
                (rs, i) -> new StuckPublication(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()),
                Timestamp.from(cutoff()));
    }

    /** Re-sends one stuck publication to its listener. */
    void resubmit(UUID id) {
        if (list().stream().noneMatch(p -> p.id().equals(id))) {
            throw new NotFound("operations.publication.notFound", id);
        }
        incomplete.resubmitIncompletePublications(p -> p.getIdentifier().equals(id));
    }

    /** Re-sends every stuck publication; answers how many were stuck. */
    int resubmitAll() {
        List<UUID> stuck = list().stream().map(StuckPublication::id).toList();
        if (!stuck.isEmpty()) {
            incomplete.resubmitIncompletePublications(p -> stuck.contains(p.getIdentifier()));
        }
        return stuck.size();
    }

    private Instant cutoff() {
        return clock.instant().minus(stuckAfter);
    }
}
