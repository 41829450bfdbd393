package org.openmilkbank.network;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration
class NetworkConfiguration {

    @Bean
    BankKey networkBankKey(
            @Value("${openmilkbank.network.key-file:}") String keyFile,
            @Value("${openmilkbank.db.embedded.data-dir:data/postgres}") String dataDir) {
        Path file = keyFile.isBlank() ? Path.of(dataDir).resolve("openmilkbank-network.key") : Path.of(keyFile);
        return BankKey.inFile(file);
    }

    /** The bank's HTTP client to its hub: timeouts, and no redirect followed (a signed request goes where it was). */
    private static RestClient hubHttp(Duration connectTimeout, Duration readTimeout) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(readTimeout);
        return RestClient.builder().requestFactory(requests).build();
    }

    @Bean
    NetworkSender networkSender(
            NetworkOutbox outbox,
            BankKey key,
            @Value("${openmilkbank.facility-code}") String facilityCode,
            @Value("${openmilkbank.network.hub-url:}") String hubUrl,
            @Value("${openmilkbank.network.connect-timeout:PT10S}") Duration connectTimeout,
            @Value("${openmilkbank.network.read-timeout:PT30S}") Duration readTimeout) {
        Optional<URI> hub = hubUrl.isBlank() ? Optional.empty() : Optional.of(URI.create(hubUrl.strip()));
        return new NetworkSender(outbox, key, facilityCode, hub, hubHttp(connectTimeout, readTimeout));
    }

    @Bean
    HubClient hubClient(
            NetworkLink link,
            BankKey key,
            @Value("${openmilkbank.facility-code}") String facilityCode,
            tools.jackson.databind.json.JsonMapper json,
            java.time.Clock clock,
            @Value("${openmilkbank.network.connect-timeout:PT10S}") Duration connectTimeout,
            @Value("${openmilkbank.network.read-timeout:PT30S}") Duration readTimeout) {
        return new HubClient(link, key, facilityCode, hubHttp(connectTimeout, readTimeout), json, clock);
    }
}
