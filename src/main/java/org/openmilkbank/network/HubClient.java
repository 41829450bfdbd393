package org.openmilkbank.network;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank's calls to its hub, each signed with the bank's key ({@link SignedRequests}) and sent to the hub it is
 * linked to ({@link NetworkLink#current()}). Refused with {@code network.link.none} when the bank is not enrolled; the
 * hub's coded refusal comes back as the same {@link RuleViolation} (one code base: the bank says it in its reader's
 * language); the hub down, a timeout or a broken answer is {@code network.hub.unreachable}.
 *
 * <pre>{@code
 * Benchmarks b = hubClient.get("/api/v1/network/benchmarks?month=2026-01", Benchmarks.class);
 * Receipt r = hubClient.post("/api/v1/network/exchange/offers", offer, Receipt.class);
 * }</pre>
 */
public class HubClient {

    private static final Logger log = LoggerFactory.getLogger(HubClient.class);

    private final NetworkLink link;
    private final BankKey key;
    private final String facilityCode;
    private final RestClient http;
    private final JsonMapper json;
    private final Clock clock;

    HubClient(NetworkLink link, BankKey key, String facilityCode, RestClient http, JsonMapper json, Clock clock) {
        this.link = link;
        this.key = key;
        this.facilityCode = facilityCode;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /** GETs {@code pathAndQuery} (from {@code /api/…}, its query already encoded) of the linked hub. */
    public <T> T get(String pathAndQuery, Class<T> type) {
        return exchange(linkedHub(), HttpMethod.GET, pathAndQuery, null, type);
    }

    /** POSTs {@code body} as JSON to {@code path} of the linked hub. */
    public <T> T post(String path, Object body, Class<T> type) {
        return exchange(linkedHub(), HttpMethod.POST, path, json.writeValueAsBytes(body), type);
    }

    private URI linkedHub() {
        return link.current().map(NetworkLink.Link::hubUrl).orElseThrow(() -> new RuleViolation("network.link.none"));
    }

    /** One signed call to the hub at {@code base} (its address, without the API path). */
    <T> T exchange(URI base, HttpMethod method, String pathAndQuery, byte[] body, Class<T> type) {
        URI target = target(base, pathAndQuery);
        String signedPath = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        SignedRequests.Headers headers =
                key.signRequest(method.name(), signedPath, facilityCode, clock.instant(), body);
        try {
            RestClient.RequestBodySpec request = http.method(method)
                    .uri(target)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(SignedRequests.FACILITY, headers.facilityCode())
                    .header(SignedRequests.TIMESTAMP, headers.timestamp())
                    .header(SignedRequests.SIGNATURE, headers.signature());
            if (body != null) {
                request = request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.retrieve().body(type);
        } catch (RestClientResponseException e) {
            throw refusal(base, e);
        } catch (RestClientException | IllegalArgumentException e) {
            log.warn("The hub {} did not answer {} {}: {}", base, method, pathAndQuery, e.getMessage());
            throw new RuleViolation("network.hub.unreachable", base.toString());
        }
    }

    /** The hub's own coded refusal when it gave one (4xx with a problem detail's code), else unreachable. */
    private RuleViolation refusal(URI base, RestClientResponseException e) {
        log.warn("The hub {} answered {}: {}", base, e.getStatusCode(), e.getResponseBodyAsString());
        if (e.getStatusCode().is4xxClientError()) {
            try {
                JsonNode problem = json.readTree(e.getResponseBodyAsString(StandardCharsets.UTF_8));
                String code = problem.path("code").asText("");
                if (code.startsWith("network.") || code.startsWith("error.")) {
                    List<Object> args = new ArrayList<>();
                    problem.path("args").forEach(a -> args.add(a.isNumber() ? a.numberValue() : a.asText()));
                    return new RuleViolation(code, args.toArray());
                }
            } catch (tools.jackson.core.JacksonException ignored) {
                // not a problem detail: the hub is not answering as a hub
            }
        }
        return new RuleViolation("network.hub.unreachable", base.toString());
    }

    static URI target(URI base, String pathAndQuery) {
        String root = base.toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery));
    }
}
