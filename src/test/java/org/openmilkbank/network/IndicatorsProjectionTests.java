package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmilkbank.network.IndicatorBatchFixtures.count;
import static org.openmilkbank.network.IndicatorBatchFixtures.rate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The hub's projection of indicators batches, and the monthly partitions its tables and batches live in. */
@IntegrationTest
class IndicatorsProjectionTests {

    @Autowired
    NetworkHub hub;

    @Autowired
    BatchIntake intake;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NetworkPartitions partitions;

    @Autowired
    NetworkOutbox outbox;

    @Autowired
    PlatformTransactionManager transactions;

    private IndicatorBatchFixtures banks;

    @BeforeEach
    void fixtures() {
        banks = new IndicatorBatchFixtures(hub, intake, json);
    }

    @Test
    void aNewerBatchForTheSameMonthReplacesItsFiguresAndTheOlderBatchIsKept() {
        var bank = banks.bank("PRJ", "VN", "Huế");
        YearMonth month = YearMonth.of(2026, 9);
        bank.send(
                month,
                Map.of("POST_CULTURE_POSITIVE_RATE", rate(2, 40), "RUNS", count(40)),
                Map.of("orders.criteria.below-weeks", "32"));
        bank.send(
                month, Map.of("POST_CULTURE_POSITIVE_RATE", rate(1, 41)), Map.of("orders.criteria.below-weeks", "37"));

        List<Map<String, Object>> rows =
                jdbc.sql("""
                        select code, breakdown, numerator, denominator, batch_sequence from network_indicator
                        where facility_code = ? order by code
                        """).param(bank.facilityCode).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .containsEntry("code", "POST_CULTURE_POSITIVE_RATE")
                .containsEntry("breakdown", "");
        assertThat((BigDecimal) rows.get(0).get("denominator")).isEqualByComparingTo("41");
        assertThat(rows.get(0)).containsEntry("batch_sequence", 2L);
        assertThat(intake.acceptedCount(bank.facilityCode)).isEqualTo(2);
        String definitions = jdbc.sql(
                        "select definitions ->> 'parameters' from network_bank_definition where facility_code = ?")
                .param(bank.facilityCode)
                .query(String.class)
                .single();
        assertThat(definitions).contains("\"orders.criteria.below-weeks\": \"37\"");
    }

    @Test
    void batchesAndFiguresLiveInMonthlyPartitionsMadeAhead() {
        partitions.makeAhead();
        YearMonth now = YearMonth.now();
        List<String> made =
                jdbc.sql("""
                        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                        where i.inhparent = cast(? as regclass) order by c.relname
                        """).param("network_batch").query(String.class).list();
        assertThat(made)
                .contains(
                        "network_batch_default", name("network_batch", now), name("network_batch", now.plusMonths(3)));
        String bankKey = jdbc.sql("""
                        select string_agg(a.attname, ',' order by k.ord) from pg_index x
                        join lateral unnest(x.indkey) with ordinality k(attnum, ord) on true
                        join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
                        where x.indrelid = cast('network_indicator' as regclass) and x.indisprimary
                        """).query(String.class).single();
        assertThat(bankKey).startsWith("facility_code,");
    }

    @Test
    void aBatchOfAMonthWithoutAPartitionIsAcceptedAndMovesToItsPartitionWhenItIsMade() {
        var bank = banks.bank("FAR", "LA", "Vientiane");
        YearMonth far = YearMonth.of(2041, 3);
        // written in 2041: no partition of network_batch or network_indicator exists for it yet
        assertThat(bank.send(far, Map.of("RUNS", count(12)), Map.of()).status())
                .isEqualTo(BatchReceipt.Status.ACCEPTED);
        assertThat(inDefault("network_batch_default", bank.facilityCode)).isEqualTo(1);
        assertThat(inDefault("network_indicator_default", bank.facilityCode)).isEqualTo(1);

        partitions.makeAhead();

        assertThat(inDefault("network_batch_default", bank.facilityCode)).isZero();
        assertThat(inDefault("network_indicator_default", bank.facilityCode)).isZero();
        assertThat(jdbc.sql("select count(*) from " + name("network_indicator", far) + " where facility_code = ?")
                        .param(bank.facilityCode)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(intake.acceptedCount(bank.facilityCode)).isEqualTo(1);
    }

    @Test
    void aPayloadThatIsNoMonthOfFiguresIsKeptWithItsRefusalAndProjectsNothing() {
        var bank = banks.bank("BAD", "VN", "Hà Nội");
        SignedBatch signed = bank.signed(
                "{\"kind\":\"indicators\",\"month\":\"2026-13\",\"values\":[]}", Instant.parse("2026-10-01T00:00:00Z"));
        BatchReceipt badMonth = intake.receive(signed);
        assertThat(badMonth.status()).isEqualTo(BatchReceipt.Status.CONTENT_REFUSED);
        assertThat(badMonth.refusalCode()).isEqualTo("network.indicators.month");
        SignedBatch twice = bank.signed(
                "{\"kind\":\"indicators\",\"month\":\"2026-09\",\"values\":[{\"code\":\"RUNS\",\"value\":1},"
                        + "{\"code\":\"RUNS\",\"value\":2}]}",
                Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(intake.receive(twice).status()).isEqualTo(BatchReceipt.Status.CONTENT_REFUSED);
        // both numbers are taken (the bank's next batch is not held back); neither month's figures are kept
        assertThat(intake.acceptedCount(bank.facilityCode)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from network_indicator where facility_code = ?")
                        .param(bank.facilityCode)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theBanksIndicatorsBatchCarriesItsDefinitions() {
        long sequence =
                new TransactionTemplate(transactions).execute(s -> outbox.addMonthOfIndicators(YearMonth.of(2026, 8)));
        String payload = jdbc.sql("select payload::text from network_outbox where sequence = ?")
                .param(sequence)
                .query(String.class)
                .single();
        var node = json.readTree(payload);
        assertThat(node.path("values").isArray()).isTrue();
        var definitions = node.path("definitions");
        assertThat(definitions.path("profile").asText()).isNotBlank();
        assertThat(definitions.path("parameters").has("orders.criteria.below-weeks"))
                .isTrue();
        assertThat(definitions.path("gestationalAgeCutOffs").toString()).isEqualTo("[28,32,37]");
        var failed = java.util.stream.StreamSupport.stream(
                        definitions.path("indicators").spliterator(), false)
                .filter(d -> d.path("code").asText().equals("FAILED_CYCLES"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.path("rate").asBoolean()).isTrue();
        assertThat(failed.path("outOf").asText()).isEqualTo("RUNS");
        assertThat(failed.path("better").asText()).isEqualTo("LOWER");
    }

    private long inDefault(String table, String facility) {
        return jdbc.sql("select count(*) from only " + table + " where facility_code = ?")
                .param(facility)
                .query(Long.class)
                .single();
    }

    private static String name(String table, YearMonth m) {
        return String.format("%s_y%04dm%02d", table, m.getYear(), m.getMonthValue());
    }
}
