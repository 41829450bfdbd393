package org.openmilkbank.network;

import java.sql.Timestamp;
import java.time.Instant;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The hub's record of the banks' adoptions of its addenda, from their batches: kind {@code adoption} (code, version,
 * adopted at, what was switched on) and {@code adoption-ended} (code, version, ended at). Adopted again after an end,
 * the first adoption's moment stays (the response time is the first).
 */
@Configuration
class AdoptionProjections {

    static final String ADOPTION = "adoption";
    static final String ENDED = "adoption-ended";

    @Bean
    BatchProjection adoptionProjection(JdbcClient jdbc) {
        return new BatchProjection() {
            @Override
            public String kind() {
                return ADOPTION;
            }

            @Override
            public void project(String facilityCode, long sequence, Instant createdAt, JsonNode payload) {
                jdbc.sql("""
                                insert into network_addendum_adoption (facility_code, code, version, adopted_at,
                                    suspends_recruitment, extra_tests, adoption_sequence)
                                values (?, ?, ?, ?, ?, cast(? as jsonb), ?)
                                on conflict (facility_code, code, version) do update
                                    set ended_at = null, ended_sequence = null,
                                        suspends_recruitment = excluded.suspends_recruitment,
                                        extra_tests = excluded.extra_tests
                                """)
                        .params(
                                facilityCode,
                                code(payload, sequence),
                                version(payload, sequence),
                                Timestamp.from(moment(payload, "adoptedAt", sequence)),
                                payload.path("suspendsRecruitment").asBoolean(false),
                                payload.path("extraTests").isArray()
                                        ? payload.path("extraTests").toString()
                                        : "[]",
                                sequence)
                        .update();
            }
        };
    }

    @Bean
    BatchProjection adoptionEndedProjection(JdbcClient jdbc) {
        return new BatchProjection() {
            @Override
            public String kind() {
                return ENDED;
            }

            @Override
            public void project(String facilityCode, long sequence, Instant createdAt, JsonNode payload) {
                // an end of an adoption the hub never heard of changes nothing (batches come in order, so it does not
                // happen between a bank and its hub; it must not stop the bank's later batches)
                jdbc.sql("""
                                update network_addendum_adoption set ended_at = ?, ended_sequence = ?
                                where facility_code = ? and code = ? and version = ?
                                """)
                        .params(
                                Timestamp.from(moment(payload, "endedAt", sequence)),
                                sequence,
                                facilityCode,
                                code(payload, sequence),
                                version(payload, sequence))
                        .update();
            }
        };
    }

    private static String code(JsonNode payload, long sequence) {
        String code = payload.path("code").asText("");
        if (code.isBlank()) {
            throw new RuleViolation("network.adoption.invalid", sequence);
        }
        return code;
    }

    private static int version(JsonNode payload, long sequence) {
        if (!payload.path("version").canConvertToInt()
                || payload.path("version").asInt() < 1) {
            throw new RuleViolation("network.adoption.invalid", sequence);
        }
        return payload.path("version").asInt();
    }

    private static Instant moment(JsonNode payload, String field, long sequence) {
        try {
            return Instant.parse(payload.path(field).asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            throw new RuleViolation("network.adoption.invalid", sequence);
        }
    }
}
