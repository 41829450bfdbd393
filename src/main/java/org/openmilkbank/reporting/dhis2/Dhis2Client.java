package org.openmilkbank.reporting.dhis2;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a data value set to DHIS2's {@code /api/dataValueSets} with basic authentication, and reads the answer
 * whatever it is: every way it can go wrong is an outcome, never an exception of ours.
 */
@Component
class Dhis2Client {

    /** An import summary is small; a longer answer is not one. */
    private static final int MAX_ANSWER = 2 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Duration connectTimeout;
    private final Duration readTimeout;

    Dhis2Client(
            @Value("${openmilkbank.dhis2.connect-timeout:PT10S}") Duration connectTimeout,
            @Value("${openmilkbank.dhis2.read-timeout:PT120S}") Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** What the server answered: our reading of it, its HTTP status (none when unreachable) and its summary. */
    record Answer(PushStatus status, Integer httpStatus, ImportSummary summary) {}

    Answer post(String baseUrl, String username, String password, byte[] body, boolean dryRun) {
        URI uri = UriComponentsBuilder.fromUriString(baseUrl)
                .path("/api/dataValueSets")
                .queryParam("dryRun", dryRun)
                .queryParam("importStrategy", "CREATE_AND_UPDATE")
                .build()
                .toUri();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        RestClient client = RestClient.builder().requestFactory(factory).build();
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            return client.post()
                    .uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange(
                            (request, response) -> read(response.getStatusCode().value(), response.getBody()));
        } catch (ResourceAccessException e) {
            return new Answer(PushStatus.UNREACHABLE, null, null);
        } catch (RestClientException | IllegalArgumentException e) {
            return new Answer(PushStatus.UNREACHABLE, null, null);
        }
    }

    private static Answer read(int status, InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_ANSWER);
        Optional<ImportSummary> summary = parse(bytes);
        if (status == 401) {
            return new Answer(PushStatus.UNAUTHORIZED, status, null);
        }
        if (status == 403) {
            return new Answer(PushStatus.FORBIDDEN, status, summary.orElse(null));
        }
        if (status == 404) {
            return new Answer(PushStatus.NOT_FOUND, status, null);
        }
        if (status >= 500) {
            return new Answer(PushStatus.SERVER_ERROR, status, summary.orElse(null));
        }
        if (summary.isEmpty()) {
            return new Answer(PushStatus.NOT_JSON, status, null);
        }
        ImportSummary s = summary.get();
        if (status == 409) {
            return new Answer(PushStatus.CONFLICTS, status, s);
        }
        if (status >= 300 || "ERROR".equals(s.status())) {
            return new Answer(PushStatus.ERROR, status, s);
        }
        if ("SUCCESS".equals(s.status()) && s.conflicts().isEmpty() && s.ignored() == 0) {
            return new Answer(PushStatus.SUCCESS, status, s);
        }
        return new Answer(PushStatus.WARNING, status, s);
    }

    private static Optional<ImportSummary> parse(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            return ImportSummary.in(root);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
