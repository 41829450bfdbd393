package org.openmilkbank.network;

import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.shared.Said;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hub's door for batches: the signature is checked against the registered bank's key before anything else, then
 * {@link BatchOrder} decides; an accepted batch is stored once. Every refusal of a signed batch is recorded in its own transaction
 * (the refused batch's is rolled back) and thrown.
 */
@Service
public class BatchIntake {

    private static final Logger log = LoggerFactory.getLogger(BatchIntake.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json;
    private final java.util.Map<String, BatchProjection> projections;

    BatchIntake(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            tools.jackson.databind.json.JsonMapper json,
            List<BatchProjection> projections) {
        this.jdbc = jdbc;
        this.projections =
                projections.stream().collect(java.util.stream.Collectors.toMap(BatchProjection::kind, p -> p));
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public BatchReceipt receive(SignedBatch signed) {
        try {
            return tx.execute(status -> receiveInTransaction(signed));
        } catch (BatchRefused refused) {
            record(refused);
            throw refused;
        }
    }

    private BatchReceipt receiveInTransaction(SignedBatch signed) {
        String facility = signed.facilityCode();
        // the bank's row is locked, so two batches of one bank are decided one after the other
        Optional<String> key = jdbc.sql(
                        "select coalesce(public_key, '') from network_bank where facility_code = ? for update")
                .param(facility)
                .query(String.class)
                .optional()
                // a bank registered but not yet enrolled has no key: nothing of it is taken
                .filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            throw BatchRefused.unknownBank(facility, signed.sequence());
        }
        PublicKey publicKey = BatchSignatures.publicKey(key.get());
        if (!BatchSignatures.verify(signed, publicKey)) {
            throw BatchRefused.badSignature(facility, signed.sequence());
        }
        Batch batch = signed.batch();
        if (!isJsonObject(batch.payload())) {
            throw BatchRefused.payloadInvalid(facility, batch.sequence());
        }
        long last = jdbc.sql("select coalesce(max(sequence), 0) from network_batch where facility_code = ?")
                .param(facility)
                .query(Long.class)
                .single();
        Optional<String> accepted = jdbc.sql(
                        "select sha256 from network_batch where facility_code = ? and sequence = ?")
                .params(facility, batch.sequence())
                .query(String.class)
                .optional();
        return switch (BatchOrder.decide(last, accepted, batch)) {
            case ALREADY_RECEIVED -> new BatchReceipt(facility, batch.sequence(), BatchReceipt.Status.ALREADY_RECEIVED);
            case ACCEPT -> {
                jdbc.sql("""
                                insert into network_batch (facility_code, sequence, created_at, payload, payload_bytes,
                                    sha256, signature, received_at)
                                values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
                                """)
                        .params(
                                facility,
                                batch.sequence(),
                                java.sql.Timestamp.from(batch.createdAt()),
                                batch.payload(),
                                batch.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                batch.sha256(),
                                signed.signature(),
                                java.sql.Timestamp.from(clock.instant()))
                        .update();
                project(facility, batch);
                yield new BatchReceipt(facility, batch.sequence(), BatchReceipt.Status.ACCEPTED);
            }
        };
    }

    private void project(String facility, Batch batch) {
        tools.jackson.databind.JsonNode payload = json.readTree(batch.payload());
        BatchProjection projection = projections.get(payload.path("kind").asText(""));
        if (projection != null) {
            projection.project(facility, batch.sequence(), batch.createdAt(), payload);
        }
    }

    private boolean isJsonObject(String payload) {
        try {
            return json.readTree(payload).isObject();
        } catch (tools.jackson.core.JacksonException e) {
            return false;
        }
    }

    private void record(BatchRefused refused) {
        log.warn("Refused a batch: {}", refused.getMessage());
        // the endpoint is open: only a sender that proved its key may add a row, so strangers cannot grow the table
        if (refused.reason() == BatchRefused.Reason.UNKNOWN_BANK
                || refused.reason() == BatchRefused.Reason.BAD_SIGNATURE) {
            return;
        }
        tx.executeWithoutResult(status -> jdbc.sql("""
                        insert into network_refusal (id, facility_code, sequence, code, reason, refused_at)
                        values (?, ?, ?, ?, cast(? as jsonb), ?)
                        """)
                .params(
                        UUID.randomUUID(),
                        refused.facilityCode(),
                        refused.sequence(),
                        refused.code(),
                        Said.toJson(List.of(Said.of(refused.code(), refused.args()))),
                        java.sql.Timestamp.from(clock.instant()))
                .update());
    }

    /** The refusals recorded for a bank, newest first: their codes. */
    public List<String> refusalCodes(String facilityCode) {
        return jdbc.sql("select code from network_refusal where facility_code = ? order by refused_at desc, id")
                .param(facilityCode)
                .query(String.class)
                .list();
    }

    /** How many batches of a bank the hub holds. */
    public long acceptedCount(String facilityCode) {
        return jdbc.sql("select count(*) from network_batch where facility_code = ?")
                .param(facilityCode)
                .query(Long.class)
                .single();
    }
}
