package org.openmilkbank.network;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.openmilkbank.shared.Said;
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
     * @param failure why it stopped early, empty when nothing is left waiting (for the log)
     * @param reason the same, coded for the bank's page: the hub unreachable, or its refusal
     */
    public record Result(int sent, Optional<String> failure, Optional<Said> reason) {

        Result(int sent) {
            this(sent, Optional.empty(), Optional.empty());
        }
    }

    /** The hub configured by {@code openmilkbank.network.hub-url}, used when the bank has no link yet. */
    Optional<URI> configuredHub() {
        return hub;
    }

    /** Sends to the configured hub; with no hub configured nothing leaves. */
    public Result sendPending() {
        return hub.map(this::sendPendingTo).orElseGet(() -> new Result(0));
    }

    /** Sends to the hub at {@code base} (its address without the API path). */
    public Result sendPendingTo(URI base) {
        URI target = HubClient.target(base, BATCHES);
        int sent = 0;
        while (true) {
            List<NetworkOutbox.Entry> waiting = outbox.pending(PAGE);
            if (waiting.isEmpty()) {
                return new Result(sent);
            }
            for (NetworkOutbox.Entry entry : waiting) {
                Optional<Failure> failure = send(target, entry);
                if (failure.isPresent()) {
                    log.warn(
                            "Batch {} stays in the outbox: {}",
                            entry.sequence(),
                            failure.get().log());
                    return new Result(
                            sent,
                            Optional.of(failure.get().log()),
                            Optional.of(failure.get().reason()));
                }
                outbox.markSent(entry.sequence());
                sent++;
            }
        }
    }

    private record Failure(String log, Said reason) {}

    private Optional<Failure> send(URI target, NetworkOutbox.Entry entry) {
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
                return Optional.of(new Failure(
                        "the hub's answer does not acknowledge batch " + entry.sequence(),
                        Said.of("network.sync.notAcknowledged", entry.sequence())));
            }
            return Optional.empty();
        } catch (org.springframework.web.client.RestClientResponseException e) {
            String code = problemCode(e.getResponseBodyAsString());
            String text = e.getStatusCode() + " " + e.getResponseBodyAsString();
            return Optional.of(new Failure(
                    text,
                    code.isEmpty()
                            ? Said.of(
                                    "network.sync.hubFailed",
                                    entry.sequence(),
                                    e.getStatusCode().value())
                            : Said.of("network.sync.batchRefused", entry.sequence(), Said.label(reasonOf(code)))));
        } catch (RestClientException e) {
            return Optional.of(new Failure(
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    Said.of("network.sync.unreachable", target.getScheme() + "://" + target.getAuthority())));
        }
    }

    private static BatchRefused.Reason reasonOf(String code) {
        return switch (code) {
            case "network.batch.unknownBank" -> BatchRefused.Reason.UNKNOWN_BANK;
            case "network.batch.badSignature" -> BatchRefused.Reason.BAD_SIGNATURE;
            case "network.batch.gap" -> BatchRefused.Reason.GAP;
            case "network.batch.conflict" -> BatchRefused.Reason.CONFLICT;
            default -> BatchRefused.Reason.PAYLOAD_INVALID;
        };
    }

    private static String problemCode(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "\"code\"\\s*:\\s*\"(network\\.batch\\.(?:unknownBank|badSignature|gap|conflict|payloadInvalid))\"")
                .matcher(body == null ? "" : body);
        return m.find() ? m.group(1) : "";
    }
}
