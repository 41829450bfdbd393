package org.openmilkbank.network;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Said;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bank's link to its hub, made at enrolment: the hub's address and its public key, the other half of the key
 * exchange (the hub holds the bank's). Every message from the hub is checked against this key.
 */
@Service
public class NetworkLink {

    /** The link's record id in the history (there is one link). */
    public static final UUID HISTORY_ID = UUID.fromString("00000000-0000-4000-a000-00000000e230");

    private final JdbcClient jdbc;
    private final History history;
    private final Clock clock;

    NetworkLink(JdbcClient jdbc, History history, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    /**
     * The hub this bank is enrolled with.
     *
     * @param hubUrl the hub's address without the API path
     * @param hubPublicKey the hub's Ed25519 public key (X.509, base64)
     */
    public record Link(URI hubUrl, String hubPublicKey, Instant enrolledAt, String enrolledBy) {

        public PublicKey publicKey() {
            return BatchSignatures.publicKey(hubPublicKey);
        }
    }

    @Transactional(readOnly = true)
    public Optional<Link> current() {
        return jdbc.sql("select hub_url, hub_public_key, enrolled_at, enrolled_by from network_link where id = 1")
                .query((rs, n) -> new Link(
                        URI.create(rs.getString("hub_url")),
                        rs.getString("hub_public_key"),
                        rs.getTimestamp("enrolled_at").toInstant(),
                        rs.getString("enrolled_by")))
                .optional();
    }

    /**
     * Links the bank to the hub at {@code hubUrl} with the hub's key; a later enrolment (a new hub, a new hub key)
     * replaces the link and the history keeps both. Refused when the key is no Ed25519 public key.
     */
    @Transactional
    public Link link(URI hubUrl, String hubPublicKey) {
        BatchSignatures.publicKey(hubPublicKey);
        Instant now = clock.instant();
        String who = CurrentActor.username();
        jdbc.sql("""
                        insert into network_link (id, hub_url, hub_public_key, enrolled_at, enrolled_by)
                        values (1, ?, ?, ?, ?)
                        on conflict (id) do update set hub_url = excluded.hub_url,
                            hub_public_key = excluded.hub_public_key, enrolled_at = excluded.enrolled_at,
                            enrolled_by = excluded.enrolled_by, version = network_link.version + 1
                        """)
                .params(hubUrl.toString(), hubPublicKey.strip(), java.sql.Timestamp.from(now), who)
                .update();
        history.record("NetworkLink", HISTORY_ID, Said.of("network.history.linked", hubUrl.toString()));
        return new Link(hubUrl, hubPublicKey.strip(), now, who);
    }
}
