package org.openmilkbank.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Said;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank's consents to the network, chosen by its manager with a reason: whether it shares de-identified
 * unit-level events, and whether peers may see its name in benchmarks (else it is anonymous). Both are off until she
 * says otherwise. Each change is kept (who, when, why) and told to the hub in the same transaction
 * ({@code {"kind": "sharing", "events": …, "named": …}}).
 */
@Service
public class NetworkSharing {

    /** The consents' record id in the history (there is one set). */
    static final UUID HISTORY_ID = UUID.fromString("00000000-0000-4000-a000-00000000e233");

    private final JdbcClient jdbc;
    private final NetworkOutbox outbox;
    private final History history;
    private final Clock clock;

    NetworkSharing(JdbcClient jdbc, NetworkOutbox outbox, History history, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.history = history;
        this.clock = clock;
    }

    /** The manager's choice and why. */
    public record SharingForm(
            @NotNull Boolean sharesEvents,
            @NotNull Boolean named,
            @NotBlank @Size(max = 1000) String reason) {}

    /** One change of the consents. */
    public record Change(boolean sharesEvents, boolean named, String reason, String changedBy, Instant changedAt) {}

    /** Whether the bank shares de-identified unit-level events with the hub (off until chosen). */
    @Transactional(readOnly = true)
    public boolean sharesEvents() {
        return current().map(Change::sharesEvents).orElse(false);
    }

    /** Whether peers may see the bank's name in benchmarks (off: anonymous). */
    @Transactional(readOnly = true)
    public boolean namedToPeers() {
        return current().map(Change::named).orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<Change> current() {
        return changes().stream().findFirst();
    }

    /** Every change, newest first. */
    @Transactional(readOnly = true)
    public List<Change> changes() {
        return jdbc.sql("""
                        select shares_events, named, reason, changed_by, changed_at from network_sharing
                        order by changed_at desc, id desc
                        """)
                .query((rs, n) -> new Change(
                        rs.getBoolean("shares_events"),
                        rs.getBoolean("named"),
                        rs.getString("reason"),
                        rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** Changes the consents, keeps why and tells the hub; the reason is required. */
    @Transactional
    public Change change(SharingForm form) {
        Instant now = clock.instant();
        String who = CurrentActor.username();
        Change change =
                new Change(form.sharesEvents(), form.named(), form.reason().strip(), who, now);
        jdbc.sql("""
                        insert into network_sharing (id, shares_events, named, reason, changed_by, changed_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        UUID.randomUUID(),
                        change.sharesEvents(),
                        change.named(),
                        change.reason(),
                        who,
                        Timestamp.from(now))
                .update();
        history.recordCorrection(
                "NetworkSharing",
                HISTORY_ID,
                Said.of(
                        "network.history.sharing",
                        Said.code(change.sharesEvents() ? "network.sharing.events.on" : "network.sharing.events.off"),
                        Said.code(change.named() ? "network.sharing.named.on" : "network.sharing.named.off")),
                change.reason());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "sharing");
        payload.put("events", change.sharesEvents());
        payload.put("named", change.named());
        outbox.add(payload);
        return change;
    }
}
