package org.openmilkbank.traceability;

import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.InvalidDinException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a scanned or typed code names: a raw container, pool or bottle DIN, a donor code or an infant's
 * hospital number. DINs are tried first; a code that only looks like a DIN still finds its donor or infant.
 */
@Component
@Transactional(readOnly = true)
public class CodeLookup {

    public enum Kind {
        CONTAINER,
        POOL,
        BOTTLE,
        DONOR,
        INFANT
    }

    /** {@code din} is the 13-character DIN for the three labelled kinds, null otherwise. */
    public record Match(Kind kind, UUID id, String din) {}

    private final JdbcClient jdbc;

    CodeLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Match> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String typed = code.strip();
        Optional<Din> din = parse(typed);
        if (din.isPresent()) {
            String value = din.get().value();
            Optional<Match> labelled = byDin("raw_container", value, Kind.CONTAINER)
                    .or(() -> byDin("pool", value, Kind.POOL))
                    .or(() -> byDin("bottle", value, Kind.BOTTLE));
            if (labelled.isPresent()) {
                return labelled;
            }
        }
        return jdbc.sql("select id from donor where upper(donor_code) = upper(:code)")
                .param("code", typed)
                .query(UUID.class)
                .optional()
                .map(id -> new Match(Kind.DONOR, id, null))
                .filter(m -> DonorPrivacy.visible("donor") != null) // whether she exists is for who may see donors
                .or(() -> jdbc.sql("select id from infant where upper(infant_code) = upper(:code)")
                        .param("code", typed)
                        .query(UUID.class)
                        .optional()
                        .map(id -> new Match(Kind.INFANT, id, null)));
    }

    private Optional<Match> byDin(String table, String din, Kind kind) {
        return jdbc.sql("select id from " + table + " where din = :din")
                .param("din", din)
                .query(UUID.class)
                .optional()
                .map(id -> new Match(kind, id, din));
    }

    private static Optional<Din> parse(String code) {
        try {
            return Optional.of(Din.parse(code));
        } catch (InvalidDinException e) {
            return Optional.empty();
        }
    }
}
