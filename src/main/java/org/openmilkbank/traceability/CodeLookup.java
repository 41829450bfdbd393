package org.openmilkbank.traceability;

import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.InvalidDinException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a scanned or typed code names: a unit of milk by its DIN (container, pool, bottle) or its code (a run), a
 * donor code or an infant's hospital number. DINs are tried first; a code that only looks like a DIN still finds its
 * donor or infant.
 */
@Component
@Transactional(readOnly = true)
public class CodeLookup {

    public enum Kind {
        CONTAINER,
        POOL,
        RUN,
        BOTTLE,
        DONOR,
        INFANT
    }

    /** {@code label} is the unit's DIN with its check character or its code; null for a donor or an infant. */
    public record Match(Kind kind, UUID id, String label) {}

    private final JdbcClient jdbc;

    CodeLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Match> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String typed = code.strip();
        Optional<Match> unit = parse(typed)
                .flatMap(din -> unit("din = :value", din.value()))
                .or(() -> unit(
                        "upper(code) = upper(:value)",
                        UnitLabel.storedRunCode(typed).orElse(typed)));
        if (unit.isPresent()) {
            return unit;
        }
        return jdbc.sql("select id from donor_trace_v where upper(donor_code) = upper(:code)")
                .param("code", typed)
                .query(UUID.class)
                .optional()
                .map(id -> new Match(Kind.DONOR, id, null))
                .filter(m -> DonorPrivacy.visible("donor") != null) // whether she exists is for who may see donors
                .or(() -> jdbc.sql("select id from dispensing_infant_v where upper(infant_code) = upper(:code)")
                        .param("code", typed)
                        .query(UUID.class)
                        .optional()
                        .map(id -> new Match(Kind.INFANT, id, null)));
    }

    private Optional<Match> unit(String where, String value) {
        return jdbc.sql("select id, kind, din, code from milk_unit where " + where
                        + " and kind in ('CONTAINER', 'POOL', 'RUN', 'BOTTLE')")
                .param("value", value)
                .query((rs, n) -> new Match(
                        Kind.valueOf(rs.getString("kind")),
                        rs.getObject("id", UUID.class),
                        UnitLabel.of(rs.getString("din"), rs.getString("code"))))
                .optional();
    }

    private static Optional<Din> parse(String code) {
        try {
            return Optional.of(Din.parse(code));
        } catch (InvalidDinException e) {
            return Optional.empty();
        }
    }
}
