package org.openmilkbank.network;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Pushes the outbox's waiting entries to the hub, oldest first, each as a signed batch; an entry is marked sent only
 * on the hub's acknowledgement. At the first failure (the hub or the network down, a refusal) it stops and leaves
 * the rest waiting, so the next call catches up in order: store and forward.
 */
public class NetworkSender {

    static final String BATCHES = "/api/v1/network/batches";
    private static final Logger log = LoggerFactory.getLogger(NetworkSender.class);
    private static final int PAGE = 100;

    private final NetworkOutbox outbox;
    private final BankKey key;
    private final String facilityCode;
    private final Optional<URI> hub;
    private final RestClient http;

    NetworkSender(NetworkOutbox outbox, BankKey key, String facilityCode, Optional<URI> hub, RestClient http) {
        this.outbox = outbox;
        this.key = key;
        this.facilityCode = facilityCode;
        this.hub = hub;
        this.http = http;
    }

    /**
     * What one call did.
     *
     * @param sent how many entries the hub acknowledged
     * @param failure why it stopped early, empty when nothing is left waiting
     */
    public record Result(int sent, Optional<String> failure) {}

    /** Sends to the configured hub; with no hub configured nothing leaves. */
    public Result sendPending() {
        return hub.map(this::sendPendingTo).orElseGet(() -> new Result(0, Optional.empty()));
    }

    /** Sends to the hub at {@code base} (its address without the API path). */
    public Result sendPendingTo(URI base) {
        URI target = base.resolve(BATCHES);
        int sent = 0;
        while (true) {
            List<NetworkOutbox.Entry> waiting = outbox.pending(PAGE);
            if (waiting.isEmpty()) {
                return new Result(sent, Optional.empty());
            }
            for (NetworkOutbox.Entry entry : waiting) {
                Optional<String> failure = send(target, entry);
                if (failure.isPresent()) {
                    log.warn("Batch {} stays in the outbox: {}", entry.sequence(), failure.get());
                    return new Result(sent, failure);
                }
                outbox.markSent(entry.sequence());
                sent++;
            }
        }
    }

    private Optional<String> send(URI target, NetworkOutbox.Entry entry) {
        SignedBatch signed = key.sign(Batch.of(facilityCode, entry.sequence(), entry.createdAt(), entry.payload()));
        try {
            BatchReceipt receipt = http.post()
                    .uri(target)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(signed)
                    .retrieve()
                    .body(BatchReceipt.class);
            if (receipt == null
                    || receipt.sequence() != entry.sequence()
                    || !facilityCode.equals(receipt.facilityCode())
                    || receipt.status() == null) {
                return Optional.of("the hub's answer does not acknowledge batch " + entry.sequence());
            }
            return Optional.empty();
        } catch (RestClientException e) {
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
