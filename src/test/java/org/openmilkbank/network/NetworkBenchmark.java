package org.openmilkbank.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.KeyPair;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub at the network's scale, {@code ./bench network}: 750 banks enrolled, a year of each one's monthly
 * indicators (9,000 batches, every indicator with its breakdowns and the bank's definitions, each signed with the
 * bank's own Ed25519 key and taken through {@link BatchIntake#receive}: signature, order, store and projection), then a
 * month of de-identified events from 50 banks (batches of kind {@code events} as a bank's {@code UnitEventsWriter}
 * writes them, each stored and projected into {@code network_unit_event}), then the coordinator's dashboard queries,
 * each timed. Refuses to print its figures when the hub refused any batch's content, so that what it measures is
 * what a hub does with a network's data. A
 * measurement, not a test: the class is named so that the suite never runs it.
 */
@IntegrationTest
class NetworkBenchmark {

    static final int BANKS = Integer.getInteger("bench.banks", 750);
    static final int EVENT_BANKS = 50;
    static final int EVENTS_PER_BANK = Integer.getInteger("bench.events", 10_000);
    static final int EVENTS_PER_BATCH = 500;
    static final YearMonth LAST = YearMonth.of(2026, 11);
    static final YearMonth FIRST = LAST.minusMonths(11);
    static final int THREADS = Integer.getInteger("bench.threads", 4);

    @Autowired
    BatchIntake intake;

    @Autowired
    Benchmarks benchmarks;

    @Autowired
    NetworkPartitions partitions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnitEvents unitEvents;

    @Autowired
    JsonMapper json;

    @Test
    @Tag("bench")
    void measure() throws Exception {
        int repeats = Integer.getInteger("bench.repeats", 5);
        List<IndicatorDefinition> dictionary = benchmarks.dictionary();
        // the year's partitions, as the hub's daily call makes them ahead
        partitions.make(
                "network_batch",
                "created_at",
                FIRST.atDay(1),
                LAST.plusMonths(2).atDay(1));
        partitions.make("network_indicator", "month", FIRST.atDay(1), LAST.atDay(1));

        long t0 = System.nanoTime();
        List<BankKey> keys = new ArrayList<>();
        for (int b = 0; b < BANKS; b++) {
            KeyPair pair = BatchSignatures.newKeyPair();
            BankKey key = BankKey.of(pair);
            keys.add(key);
            jdbc.sql("""
                            insert into network_bank (id, facility_code, country, region, size_litres_per_month,
                                public_key, registered_at, named)
                            values (gen_random_uuid(), ?, ?, ?, ?, ?, now(), ?)
                            """)
                    .params(code(b), country(b), region(b), 100 + b % 700, key.publicKeyText(), b % 3 == 0)
                    .update();
        }
        long t1 = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> done = new ArrayList<>();
        for (int b = 0; b < BANKS; b++) {
            int bank = b;
            done.add(pool.submit(() -> {
                Random random = new Random(bank);
                int sent = 0;
                long sequence = 1;
                for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
                    String payload = indicators(dictionary, bank, m, random);
                    Instant at = m.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                    intake.receive(keys.get(bank).sign(Batch.of(code(bank), sequence++, at, payload)));
                    sent++;
                }
                return sent;
            }));
        }
        int batches = 0;
        for (Future<Integer> f : done) {
            batches += f.get();
        }
        long t2 = System.nanoTime();

        done.clear();
        for (int b = 0; b < EVENT_BANKS; b++) {
            int bank = b;
            done.add(pool.submit(() -> {
                Random random = new Random(-bank);
                long sequence = 13;
                int events = 0;
                YearMonth month = LAST.plusMonths(1);
                for (int from = 0; from < EVENTS_PER_BANK; from += EVENTS_PER_BATCH) {
                    String payload = events(month, from, Math.min(EVENTS_PER_BATCH, EVENTS_PER_BANK - from), random);
                    Instant at = month.atDay(1)
                            .atStartOfDay()
                            .toInstant(ZoneOffset.UTC)
                            .plusSeconds(from * 240L);
                    intake.receive(keys.get(bank).sign(Batch.of(code(bank), sequence++, at, payload)));
                    events += Math.min(EVENTS_PER_BATCH, EVENTS_PER_BANK - from);
                }
                return events;
            }));
        }
        int events = 0;
        for (Future<Integer> f : done) {
            events += f.get();
        }
        long t3 = System.nanoTime();
        pool.shutdown();
        jdbc.sql("analyze network_batch").update();
        jdbc.sql("analyze network_indicator").update();
        jdbc.sql("analyze network_bank_definition").update();

        long rows = jdbc.sql("select count(*) from network_indicator")
                .query(Long.class)
                .single();
        long refused = jdbc.sql("select count(*) from network_refusal")
                .query(Long.class)
                .single();
        if (refused > 0) {
            throw new IllegalStateException(refused + " batches refused: what was measured is not what a hub does");
        }
        long held = jdbc.sql("select count(*) from network_unit_event")
                .query(Long.class)
                .single();
        String size = jdbc.sql("select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_class c "
                        + "join pg_inherits i on i.inhrelid = c.oid where i.inhparent = 'network_batch'::regclass")
                .query(String.class)
                .single();
        System.out.printf("network: %,d banks enrolled (keys made) in %.1f s%n", BANKS, (t1 - t0) / 1e9);
        System.out.printf(
                "network: %,d indicators batches (a year of %,d banks, signed, verified, stored and projected) in %.1f s,"
                        + " %.1f ms a batch, %,d figures held, %d threads%n",
                batches, BANKS, (t2 - t1) / 1e9, (t2 - t1) / 1e6 / batches, rows, THREADS);
        System.out.printf(
                "network: %,d de-identified events of a month from %d banks in %,d batches of %d in %.1f s"
                        + " (stored and projected, %,d events held); the batches' partitions hold %s%n",
                events, EVENT_BANKS, events / EVENTS_PER_BATCH, EVENTS_PER_BATCH, (t3 - t2) / 1e9, held, size);

        String rate = "POST_CULTURE_POSITIVE_RATE";
        time(
                "benchmark of one indicator, one month (750 banks)",
                repeats,
                () -> benchmarks.benchmark(new Benchmarks.Query("VOLUME_RECEIVED", LAST, 1, null, null)));
        time(
                "benchmark of one indicator, twelve months",
                repeats,
                () -> benchmarks.benchmark(new Benchmarks.Query("VOLUME_RECEIVED", LAST, 12, null, null)));
        time(
                "benchmark by country (one country's banks, a month)",
                repeats,
                () -> benchmarks.benchmark(new Benchmarks.Query("VOLUME_RECEIVED", LAST, 1, country(7), null)));
        time(
                "funnel plot of a rate, one month",
                repeats,
                () -> benchmarks.benchmark(new Benchmarks.Query(rate, LAST, 1, null, null)));
        time(
                "funnel plot of a rate, twelve months",
                repeats,
                () -> benchmarks.benchmark(new Benchmarks.Query(rate, LAST, 12, null, null)));
        time("shared data dictionary (750 banks' definitions)", repeats, () -> benchmarks.definitions(LAST, null));
        time("leaders of the month (every indicator)", repeats, () -> benchmarks.leaders(LAST));
        time(
                "one bank's month of events by type (10,000 events)",
                repeats,
                () -> unitEvents.countsByType(code(0), LAST.plusMonths(1)));
        var check = benchmarks.benchmark(new Benchmarks.Query(rate, LAST, 1, null, null));
        if (check.banks().size() != BANKS || check.funnel().isEmpty()) {
            throw new IllegalStateException("the benchmark must compare every bank");
        }
        System.out.printf(
                "network: the month's funnel marks %d banks outside 95 %% and %d outside 99.8 %%%n",
                check.banks().stream().filter(Benchmarks.BankFigure::outside95).count(),
                check.banks().stream().filter(Benchmarks.BankFigure::outside998).count());
    }

    private static void time(String what, int repeats, Supplier<?> query) {
        query.get(); // warm up
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long a = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - a) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("network: %-55s best %7.1f ms, median %7.1f ms%n", what, ms[0], ms[repeats / 2]);
    }

    static String code(int bank) {
        return String.format("NB%04d", bank);
    }

    static String country(int bank) {
        return "C" + (bank % 25);
    }

    static String region(int bank) {
        return "R" + (bank / 25 % 5);
    }

    /** A month of every indicator with its breakdowns, of a bank of plausible size, and the bank's definitions. */
    private String indicators(List<IndicatorDefinition> dictionary, int bank, YearMonth m, Random random) {
        double size = 50 + bank % 400;
        List<Map<String, Object>> values = new ArrayList<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (IndicatorDefinition d : dictionary) {
            List<String> parts = new ArrayList<>();
            parts.add(null);
            parts.addAll(d.breakdowns());
            for (String part : parts) {
                double share = part == null ? 1 : 1.0 / d.breakdowns().size();
                BigDecimal n;
                BigDecimal den = null;
                BigDecimal value;
                switch (d.code()) {
                    case "POST_CULTURE_POSITIVE_RATE", "PRE_CULTURE_POSITIVE_RATE" -> {
                        int trials = (int) Math.max(1, size / 10 * share);
                        double p = bank % 97 == 0 ? 0.2 : 0.03;
                        int events = 0;
                        for (int i = 0; i < trials; i++) {
                            events += random.nextDouble() < p ? 1 : 0;
                        }
                        n = BigDecimal.valueOf(events);
                        den = BigDecimal.valueOf(trials);
                        value = n.multiply(BigDecimal.valueOf(100)).divide(den, 1, RoundingMode.HALF_UP);
                    }
                    default -> {
                        double v = size * share * (0.5 + random.nextDouble());
                        value = BigDecimal.valueOf(v).setScale(d.ratio() ? 3 : 0, RoundingMode.HALF_UP);
                        n = value;
                        if (d.ratio()) {
                            den = BigDecimal.valueOf(Math.max(1, Math.round(size / 20)));
                            n = value.multiply(den);
                        }
                    }
                }
                if (part == null) {
                    totals.put(d.code(), value);
                }
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("code", d.code());
                one.put("breakdown", part);
                one.put("value", value);
                one.put("numerator", n);
                one.put("denominator", den);
                values.add(one);
            }
        }
        Map<String, Object> definitions = new LinkedHashMap<>();
        definitions.put("profile", bank % 4 == 0 ? "NICE" : "HMBANA");
        definitions.put("profileVersion", bank % 4 == 0 ? "a1b2c3d4e5f6" : "0f1e2d3c4b5a");
        definitions.put(
                "parameters",
                Map.of(
                        "orders.criteria.below-weeks", bank % 5 == 0 ? "37" : "32",
                        "post-culture.max-cfu", bank % 4 == 0 ? "10" : "0",
                        "stock.use-days", "30"));
        definitions.put("gestationalAgeCutOffs", List.of(28, 32, 37));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "indicators");
        payload.put("month", m.toString());
        payload.put("values", values);
        payload.put("definitions", definitions);
        return json.writeValueAsString(payload);
    }

    private static final String[] EVENTS = {"RECEIVED", "POOLED", "PASTEURISED", "BOTTLED", "DISPENSED", "DISCARDED"};

    /**
     * De-identified events as a bank's writer shares them: the event's type, its hour and month, a pseudonymous unit,
     * its kind, a volume, the product and, for a discard now and then, its coded reason.
     */
    private String events(YearMonth month, int from, int count, Random random) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            String type = EVENTS[random.nextInt(EVENTS.length)];
            e.put("type", type);
            e.put(
                    "at",
                    month.atDay(1 + (from + i) % 28)
                            .atStartOfDay()
                            .plusHours((from + i) % 24)
                            .toInstant(ZoneOffset.UTC)
                            .toString());
            e.put("month", month.toString());
            e.put("unit", Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
            e.put("unitKind", i % 3 == 0 ? "CONTAINER" : (i % 3 == 1 ? "POOL" : "BOTTLE"));
            e.put("volumeMl", 50 + random.nextInt(200));
            e.put("product", i % 3 == 2 ? "M0006" : "M0007");
            if (type.equals("DISCARDED")) {
                e.put("reason", "discard.staff");
            }
            events.add(e);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "events");
        payload.put("month", month.toString());
        payload.put("count", events.size());
        payload.put("events", events);
        return json.writeValueAsString(payload);
    }
}
