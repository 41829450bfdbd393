package org.openmilkbank.network;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Banks enrolled at this application's hub, each with its own Ed25519 key, that send months of indicators as signed
 * batches through the real intake ({@link BatchIntake#receive}).
 */
public final class IndicatorBatchFixtures {

    private final NetworkHub hub;
    private final BatchIntake intake;
    private final JsonMapper json;

    public IndicatorBatchFixtures(NetworkHub hub, BatchIntake intake, JsonMapper json) {
        this.hub = hub;
        this.intake = intake;
        this.json = json;
    }

    /** A bank of the network: its code, key and the number of its next batch. */
    public final class TestBank {
        public final String facilityCode;
        private final BankKey key;
        private long next = 1;

        TestBank(String facilityCode, BankKey key) {
            this.facilityCode = facilityCode;
            this.key = key;
        }

        /** Sends one month: each indicator's total as {@code code -> {value, numerator, denominator}}. */
        public BatchReceipt send(YearMonth month, Map<String, BigDecimal[]> totals, Map<String, String> parameters) {
            return intake.receive(key.sign(batch(month, totals, parameters)));
        }

        /** The headers of a signed GET of {@code pathAndQuery} to the hub at {@code at} ({@link HubRequests}). */
        public Map<String, String> signedGet(String pathAndQuery, Instant at) {
            SignedRequests.Headers h = key.signRequest("GET", pathAndQuery, facilityCode, at, new byte[0]);
            return Map.of(
                    SignedRequests.FACILITY, h.facilityCode(),
                    SignedRequests.TIMESTAMP, h.timestamp(),
                    SignedRequests.SIGNATURE, h.signature());
        }

        /** The next batch, signed, without sending it. */
        public SignedBatch signed(String payload, Instant createdAt) {
            return key.sign(Batch.of(facilityCode, next++, createdAt, payload));
        }

        Batch batch(YearMonth month, Map<String, BigDecimal[]> totals, Map<String, String> parameters) {
            Instant created = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            return Batch.of(facilityCode, next++, created, payload(month, totals, parameters));
        }
    }

    /** Enrols a bank with a code unique to the test run. */
    public TestBank bank(String prefix, String country, String region) {
        String code =
                prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        BankKey key = BankKey.of(BatchSignatures.newKeyPair());
        hub.register(code, country, region, 300, key.publicKeyText());
        return new TestBank(code, key);
    }

    /** An indicators payload as {@link NetworkOutbox#addMonthOfIndicators} writes it. */
    public String payload(YearMonth month, Map<String, BigDecimal[]> totals, Map<String, String> parameters) {
        List<Map<String, Object>> values = new ArrayList<>();
        totals.forEach((code, v) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("code", code);
            one.put("breakdown", null);
            one.put("value", v[0]);
            one.put("numerator", v.length > 1 ? v[1] : v[0]);
            one.put("denominator", v.length > 2 ? v[2] : null);
            values.add(one);
        });
        Map<String, Object> definitions = new LinkedHashMap<>();
        definitions.put("profile", parameters.getOrDefault("profile", "HMBANA"));
        definitions.put("profileVersion", "test");
        Map<String, String> p = new LinkedHashMap<>(parameters);
        p.remove("profile");
        definitions.put("parameters", p);
        definitions.put("gestationalAgeCutOffs", List.of(28, 32, 37));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "indicators");
        payload.put("month", month.toString());
        payload.put("values", values);
        payload.put("definitions", definitions);
        return json.writeValueAsString(payload);
    }

    /** A rate's total: {@code positives} of {@code cultured} in percent, as the reporting module counts it. */
    public static BigDecimal[] rate(int positives, int cultured) {
        BigDecimal value = cultured == 0
                ? null
                : BigDecimal.valueOf(positives * 100.0 / cultured).setScale(1, java.math.RoundingMode.HALF_UP);
        return new BigDecimal[] {value, BigDecimal.valueOf(positives), BigDecimal.valueOf(cultured)};
    }

    /** A count or volume's total. */
    public static BigDecimal[] count(double value) {
        return new BigDecimal[] {BigDecimal.valueOf(value)};
    }
}
