package org.openmilkbank.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.openmilkbank.OpenMilkBankApplication;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.network.BankKey;
import org.openmilkbank.network.BatchSignatures;
import org.openmilkbank.network.HubMessages;
import org.openmilkbank.network.NetworkHub;
import org.openmilkbank.network.NetworkInbox;
import org.openmilkbank.network.NetworkSender;
import org.openmilkbank.network.SignedBatch;
import org.openmilkbank.shared.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * Several whole OpenMilkBank installations in one test JVM, each its own application on a loopback port with its own
 * fresh embedded PostgreSQL under {@code target/installations/}, its own facility code and network key, as a hub or a
 * bank: for what needs separate banks (two inventories). They start in parallel; close them with {@link #close()}
 * (try-with-resources, or {@code @AfterAll}).
 *
 * <pre>{@code
 * try (Installations net = Installations.start(Installations.hub("A0001"), Installations.bank("B0002"))) {
 *     Installation hub = net.get("A0001"), bank = net.get("B0002");
 *     net.enrol(hub, hub, bank);                          // the hub registers both with their keys
 *     String manager = bank.staff(Role.MANAGER);           // a user; bank.api(manager) calls its API
 *     net.sync(hub, hub, bank);                            // batches to the hub, its messages to the banks, until quiet
 * }
 * }</pre>
 */
public final class Installations implements AutoCloseable {

    /** What to start: a facility code, whether it is the hub, and any further properties. */
    public record Spec(String facilityCode, boolean hub, Map<String, String> properties) {

        public Spec with(String key, String value) {
            Map<String, String> more = new LinkedHashMap<>(properties);
            more.put(key, value);
            return new Spec(facilityCode, hub, more);
        }
    }

    public static Spec hub(String facilityCode) {
        return new Spec(facilityCode, true, Map.of());
    }

    public static Spec bank(String facilityCode) {
        return new Spec(facilityCode, false, Map.of());
    }

    /** One running installation. */
    public record Installation(String facilityCode, boolean hub, ConfigurableApplicationContext context, URI uri) {

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        /** A staff account of this installation holding the role (password {@link Staff#PASSWORD}). */
        public String staff(Role role) {
            return Staff.create(bean(IdentityManagement.class), role);
        }

        /** Its HTTP API as the user (basic auth), e.g. {@code api(user).post().uri("/api/v1/…")}. */
        public RestClient api(String username) {
            String basic = Base64.getEncoder()
                    .encodeToString((username + ":" + Staff.PASSWORD).getBytes(StandardCharsets.UTF_8));
            return RestClient.builder()
                    .baseUrl(uri.toString())
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                    .build();
        }

        public PublicKey publicKey() {
            return BatchSignatures.publicKey(bean(BankKey.class).publicKeyText());
        }
    }

    private final Map<String, Installation> installations;

    private Installations(Map<String, Installation> installations) {
        this.installations = installations;
    }

    /** Starts every installation, in parallel; if one fails, those started are closed and the failure thrown. */
    public static Installations start(Spec... specs) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, specs.length));
        List<Future<Installation>> starting = new ArrayList<>();
        for (Spec spec : specs) {
            starting.add(pool.submit(() -> startOne(spec, run)));
        }
        Map<String, Installation> started = new LinkedHashMap<>();
        RuntimeException failure = null;
        for (Future<Installation> f : starting) {
            try {
                Installation i = f.get();
                started.put(i.facilityCode(), i);
            } catch (Exception e) {
                failure = failure == null
                        ? new IllegalStateException("an installation did not start: " + causes(e), e)
                        : failure;
            }
        }
        pool.shutdown();
        Installations result = new Installations(started);
        if (failure != null) {
            result.close();
            throw failure;
        }
        return result;
    }

    /** Every cause's type and message, the root cause first: what the one line of a test report shows. */
    static String causes(Throwable e) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < 10; t = t.getCause()) {
            chain.add(0, t.getClass().getSimpleName() + ": " + t.getMessage());
        }
        return String.join(" <- ", chain);
    }

    private static Installation startOne(Spec spec, String run) {
        Path dir = Path.of("target", "installations", run + "-" + spec.facilityCode())
                .toAbsolutePath();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", "0");
        props.put("openmilkbank.facility-code", spec.facilityCode());
        props.put("openmilkbank.network.mode", spec.hub() ? "hub" : "bank");
        props.put("openmilkbank.network.key-file", dir.resolve("network.key").toString());
        props.put("openmilkbank.db.embedded.data-dir", dir.resolve("postgres").toString());
        props.put("openmilkbank.db.embedded.clean", "false");
        props.put("spring.jmx.enabled", "false");
        props.put("spring.application.name", "openmilkbank-" + spec.facilityCode());
        props.putAll(spec.properties());
        // as command-line arguments: they win over the test profile's own settings (its mode, key file, database)
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OpenMilkBankApplication.class)
                .profiles("test")
                .listeners(new OneLoggingStartAtATime())
                .run(args);
        // what the test framework's listeners give every test context: the fixtures' approvers and pasteurisers
        ScreeningApprovers.prepare(context);
        TestBankPasteurisers.prepare(context);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Installation(spec.facilityCode(), spec.hub(), context, URI.create("http://127.0.0.1:" + port));
    }

    /**
     * Lets one installation at a time through the part of its start that configures logging. Logback's one context
     * is shared by every application of the JVM, and Spring Boot resets and configures it while reading each
     * application's configuration: two doing so at once corrupt it (appenders attached twice, or the start aborted
     * with "Logback configuration error detected"). The lock is taken before Boot's logging listener sees the start
     * and given back once the environment (and so logging) is ready; the database, Flyway, Hibernate and the web
     * server still start in parallel.
     */
    static final class OneLoggingStartAtATime implements GenericApplicationListener {

        private static final ReentrantLock LOGGING = new ReentrantLock();

        @Override
        public boolean supportsEventType(ResolvableType eventType) {
            Class<?> type = eventType.getRawClass();
            return type != null
                    && (ApplicationStartingEvent.class.isAssignableFrom(type)
                            || ApplicationContextInitializedEvent.class.isAssignableFrom(type)
                            || ApplicationFailedEvent.class.isAssignableFrom(type));
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof ApplicationStartingEvent) {
                LOGGING.lock();
            } else if (LOGGING.isHeldByCurrentThread()) {
                LOGGING.unlock();
            }
        }

        @Override
        public int getOrder() {
            // before LoggingApplicationListener (HIGHEST_PRECEDENCE + 20) sees the start
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    public Installation get(String facilityCode) {
        Installation i = installations.get(facilityCode);
        if (i == null) {
            throw new IllegalArgumentException("no installation " + facilityCode);
        }
        return i;
    }

    public List<Installation> all() {
        return List.copyOf(installations.values());
    }

    /** The hub registers each bank with its facility code and public key (the hub may register itself as a bank). */
    public void enrol(Installation hub, Installation... banks) {
        NetworkHub register = hub.bean(NetworkHub.class);
        for (Installation bank : banks) {
            if (!register.isRegistered(bank.facilityCode())) {
                Staff.asSystem(() -> register.register(
                        bank.facilityCode(),
                        "VN",
                        "Hà Nội",
                        100,
                        bank.bean(BankKey.class).publicKeyText()));
            }
        }
    }

    /**
     * Moves everything now, until nothing moves: each bank's outbox to the hub over HTTP, then the hub's messages for
     * each bank into its inbox (checked against the hub's key). Returns how many batches and messages moved.
     */
    public int sync(Installation hub, Installation... banks) {
        int moved = 0;
        for (int round = 0; round < 20; round++) {
            int now = 0;
            for (Installation bank : banks) {
                NetworkSender.Result sent = bank.bean(NetworkSender.class).sendPendingTo(hub.uri());
                if (sent.failure().isPresent()) {
                    throw new IllegalStateException(bank.facilityCode() + " could not send: "
                            + sent.failure().get());
                }
                now += sent.sent();
            }
            for (Installation bank : banks) {
                now += deliver(hub, bank);
            }
            moved += now;
            if (now == 0) {
                return moved;
            }
        }
        throw new IllegalStateException("the network did not settle in 20 rounds");
    }

    /** The hub's messages for the bank that it does not hold yet, delivered in order; returns how many. */
    public static int deliver(Installation hub, Installation bank) {
        NetworkInbox inbox = bank.bean(NetworkInbox.class);
        HubMessages messages = hub.bean(HubMessages.class);
        PublicKey hubKey = hub.publicKey();
        int n = 0;
        while (true) {
            List<SignedBatch> waiting = messages.since(bank.facilityCode(), inbox.lastSequence(), 100);
            if (waiting.isEmpty()) {
                return n;
            }
            for (SignedBatch m : waiting) {
                inbox.deliver(m, hubKey);
                n++;
            }
        }
    }

    /** Closes every installation (its application and its database). */
    @Override
    public void close() {
        for (Installation i : installations.values()) {
            try {
                i.context().close();
            } catch (RuntimeException e) {
                // the others are closed all the same
            }
        }
    }
}
