package org.openmilkbank.network;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's messages to banks, numbered across the hub and signed with the hub's key (the installation's
 * {@link BankKey}); a bank fetches those for it and for every bank after the last number it holds. A message is a
 * {@link SignedBatch} whose facility code is the hub's and whose payload carries {@code kind} and {@code to} (the bank
 * it is for, {@code null} for every bank), so both are signed.
 */
@Service
public class HubMessages {

    private final JdbcClient jdbc;
    private final BankKey key;
    private final JsonMapper json;
    private final Clock clock;
    private final String hubCode;

    HubMessages(
            JdbcClient jdbc,
            BankKey key,
            JsonMapper json,
            Clock clock,
            @Value("${openmilkbank.facility-code}") String hubCode) {
        this.jdbc = jdbc;
        this.key = key;
        this.json = json;
        this.clock = clock;
        this.hubCode = hubCode;
    }

    /**
     * A message in the caller's transaction (there must be one): the change and the message are kept or lost
     * together. {@code to} is the registered bank it is for, empty for every bank.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long publish(String kind, Map<String, ?> fields, Optional<String> to) {
        jdbc.sql("lock table network_hub_message in share row exclusive mode").update();
        long next = jdbc.sql("select coalesce(max(sequence), 0) + 1 from network_hub_message")
                .query(Long.class)
                .single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", kind);
        payload.put("to", to.orElse(null));
        payload.putAll(fields);
        String text = json.writeValueAsString(payload);
        // the moment as the database keeps it (microseconds), since the signature covers it
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        SignedBatch signed = key.sign(Batch.of(hubCode, next, now, text));
        jdbc.sql("""
                        insert into network_hub_message (sequence, facility_code, kind, payload, payload_text, sha256,
                            signature, created_at)
                        values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
                        """)
                .params(
                        next,
                        to.orElse(null),
                        kind,
                        text,
                        text,
                        signed.sha256(),
                        signed.signature(),
                        java.sql.Timestamp.from(now))
                .update();
        return next;
    }

    /** The messages for a bank (its own and those for every bank) after number {@code after}, oldest first. */
    @Transactional(readOnly = true)
    public List<SignedBatch> since(String facilityCode, long after, int limit) {
        return jdbc.sql("""
                        select sequence, payload_text, sha256, signature, created_at from network_hub_message
                        where sequence > ? and (facility_code is null or facility_code = ?)
                        order by sequence limit ?
                        """)
                .params(after, facilityCode, limit)
                .query((rs, n) -> new SignedBatch(
                        hubCode,
                        rs.getLong("sequence"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("payload_text"),
                        rs.getString("sha256"),
                        rs.getString("signature")))
                .list();
    }
}
