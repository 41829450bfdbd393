package org.openmilkbank.network;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.openmilkbank.shared.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The hub's check of a bank's signed request ({@link SignedRequests}), for every hub endpoint a bank calls without a
 * staff password: the bank must be registered with a key, the signature must be that key's over the method, path,
 * query, facility, moment and body, and the moment within {@code openmilkbank.network.request-skew} (default five
 * minutes) of the hub's clock. On a bank (not the hub) these endpoints do not exist (404).
 *
 * <pre>{@code
 * @GetMapping("/api/v1/network/benchmarks")
 * @PreAuthorize("permitAll()")
 * Benchmarks mine(HttpServletRequest request) {
 *     String facility = hubRequests.authenticate(request, new byte[0]);
 *     …
 * }
 * }</pre>
 *
 * A POST takes its body as {@code @RequestBody byte[] body}, authenticates it, then reads it with
 * {@link #read(byte[], Class)}.
 */
@Service
public class HubRequests {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration skew;
    private final NetworkMode mode;
    private final tools.jackson.databind.json.JsonMapper json;
    private final jakarta.validation.Validator validator;

    HubRequests(
            JdbcClient jdbc,
            Clock clock,
            NetworkMode mode,
            tools.jackson.databind.json.JsonMapper json,
            jakarta.validation.Validator validator,
            @Value("${openmilkbank.network.request-skew:PT5M}") Duration skew) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mode = mode;
        this.json = json;
        this.validator = validator;
        this.skew = skew;
    }

    /**
     * The facility code of the registered bank that signed this request; refused (401, {@link HubRequestRefused})
     * otherwise, and 404 ({@code network.hub.notHub}) on an installation that is not the hub.
     *
     * @param body the request's body bytes exactly as received (none for a GET)
     */
    public String authenticate(HttpServletRequest request, byte[] body) {
        requireHub();
        SignedRequests.Headers headers = headers(request);
        Optional<String> key = jdbc.sql("select coalesce(public_key, '') from network_bank where facility_code = ?")
                .param(headers.facilityCode())
                .query(String.class)
                .optional()
                .filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            throw new HubRequestRefused("network.request.unknownBank", headers.facilityCode());
        }
        verify(request, headers, body, BatchSignatures.publicKey(key.get()));
        return headers.facilityCode();
    }

    /**
     * A bank's enrolment, signed with the key it brings (so it proves it holds that key): its facility in the header
     * must be the one in the body. The code itself is checked by {@link NetworkHub#enrol(EnrolmentRequest)}.
     */
    public EnrolmentRequest enrolment(HttpServletRequest request, byte[] body) {
        requireHub();
        SignedRequests.Headers headers = headers(request);
        EnrolmentRequest enrolment = read(body, EnrolmentRequest.class);
        if (!headers.facilityCode().equals(enrolment.facilityCode())) {
            throw new HubRequestRefused("network.request.badSignature");
        }
        java.security.PublicKey key;
        try {
            key = BatchSignatures.publicKey(enrolment.publicKey());
        } catch (org.openmilkbank.shared.RuleViolation notAKey) {
            throw new HubRequestRefused("network.request.badSignature");
        }
        verify(request, headers, body, key);
        return enrolment;
    }

    private SignedRequests.Headers headers(HttpServletRequest request) {
        SignedRequests.Headers headers = new SignedRequests.Headers(
                request.getHeader(SignedRequests.FACILITY),
                request.getHeader(SignedRequests.TIMESTAMP),
                request.getHeader(SignedRequests.SIGNATURE));
        if (headers.facilityCode() == null || headers.timestamp() == null || headers.signature() == null) {
            throw new HubRequestRefused("network.request.unsigned");
        }
        Instant at;
        try {
            at = Instant.parse(headers.timestamp());
        } catch (DateTimeParseException e) {
            throw new HubRequestRefused("network.request.stale");
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(skew) > 0) {
            throw new HubRequestRefused("network.request.stale");
        }
        return headers;
    }

    private static void verify(
            HttpServletRequest request, SignedRequests.Headers headers, byte[] body, java.security.PublicKey key) {
        if (!SignedRequests.verify(request.getMethod(), pathAndQuery(request), headers, body, key)) {
            throw new HubRequestRefused("network.request.badSignature");
        }
    }

    /**
     * A signed body as its record, checked with Bean Validation: a body that is not the record, or breaks its
     * constraints, is refused as bad input ({@code network.request.bodyInvalid}, 422).
     */
    public <T> T read(byte[] body, Class<T> type) {
        T value;
        try {
            value = json.readValue(body, type);
        } catch (tools.jackson.core.JacksonException e) {
            throw new org.openmilkbank.shared.RuleViolation("network.request.bodyInvalid");
        }
        if (value == null || !validator.validate(value).isEmpty()) {
            throw new org.openmilkbank.shared.RuleViolation("network.request.bodyInvalid");
        }
        return value;
    }

    /** Refused (404) on an installation that is not the hub. */
    public void requireHub() {
        if (!mode.isHub()) {
            throw new NotFound("network.hub.notHub");
        }
    }

    /** The raw path (with the context path) and raw query, as the bank signed them. */
    static String pathAndQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
