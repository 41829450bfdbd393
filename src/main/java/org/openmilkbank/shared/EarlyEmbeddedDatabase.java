package org.openmilkbank.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded PostgreSQL while Spring is still reading the application's configuration, so that the two
 * seconds of {@code initdb} and server start overlap with it instead of following it. Used by the application's
 * {@code main} only (tests build their contexts without it): as soon as the environment is known, and only when no
 * external {@code openmilkbank.db.url} is set, the server starts on a background thread; the data source then
 * {@linkplain #claim(DatabaseConfiguration.DbProperties.Embedded) claims} it with the same settings, or starts its own
 * as before. A server nobody claimed (the context failed first) is stopped.
 */
public final class EarlyEmbeddedDatabase implements ApplicationListener<ApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedDatabase.class);

    private static Started started;

    /** The server the early start made, and whether its schema was migrated with the application's migrations. */
    record Claimed(EmbeddedDatabase database, boolean migrated) {}

    private record Started(
            DatabaseConfiguration.DbProperties.Embedded settings,
            CompletableFuture<EmbeddedDatabase> server,
            boolean migrates) {}

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            DatabaseConfiguration.DbProperties props = Binder.get(prepared.getEnvironment())
                    .bind("openmilkbank.db", DatabaseConfiguration.DbProperties.class)
                    .orElse(null);
            if (props != null && props.url() != null && !props.url().isBlank()) {
                return;
            }
            Binder binder = Binder.get(prepared.getEnvironment());
            Migrations migrations =
                    binder.bind("spring.flyway.enabled", Boolean.class).orElse(true)
                            ? new Migrations(
                                    binder.bind("spring.flyway.locations", String[].class)
                                            .orElse(new String[] {"classpath:db/migration"}),
                                    binder.bind("spring.flyway.out-of-order", Boolean.class)
                                            .orElse(false))
                            : null;
            startInBackground(props == null ? null : props.embedded(), migrations);
        } else if (event instanceof ApplicationFailedEvent) {
            stopUnclaimed();
        }
    }

    /** The schema migrations as the application's configuration names them, run as soon as the server is up. */
    record Migrations(String[] locations, boolean outOfOrder) {

        void run(EmbeddedDatabase database) {
            Flyway.configure()
                    .dataSource(database.jdbcUrl(), database.user(), database.password())
                    .locations(locations)
                    .outOfOrder(outOfOrder)
                    .load()
                    .migrate();
        }
    }

    static synchronized void startInBackground(DatabaseConfiguration.DbProperties.Embedded settings) {
        startInBackground(settings, null);
    }

    static synchronized void startInBackground(
            DatabaseConfiguration.DbProperties.Embedded settings, Migrations migrations) {
        if (started != null || (settings != null && Boolean.TRUE.equals(settings.clean()))) {
            return; // a throw-away data directory is made where it is used
        }
        CompletableFuture<EmbeddedDatabase> server = CompletableFuture.supplyAsync(
                () -> {
                    EmbeddedDatabase database;
                    try {
                        database = DatabaseConfiguration.startEmbedded(settings);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (migrations != null) {
                        try {
                            migrations.run(database);
                        } catch (RuntimeException e) {
                            closeQuietly(database);
                            throw e;
                        }
                    }
                    return database;
                },
                task -> {
                    Thread thread = new Thread(task, "embedded-postgres-start");
                    thread.setDaemon(true);
                    thread.start();
                });
        started = new Started(settings, server, migrations != null);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(EarlyEmbeddedDatabase::stopUnclaimed, "embedded-postgres-stop"));
    }

    /** The server started early with these settings, once it is up; empty when none was started for them. */
    static synchronized Optional<Claimed> claim(DatabaseConfiguration.DbProperties.Embedded settings)
            throws IOException {
        if (started == null || !Objects.equals(started.settings(), settings)) {
            return Optional.empty();
        }
        CompletableFuture<EmbeddedDatabase> server = started.server();
        boolean migrates = started.migrates();
        started = null;
        try {
            return Optional.of(new Claimed(server.join(), migrates));
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    private static void closeQuietly(EmbeddedDatabase database) {
        try {
            database.close();
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL did not stop cleanly after its migrations failed", e);
        }
    }

    private static synchronized void stopUnclaimed() {
        if (started == null) {
            return;
        }
        CompletableFuture<EmbeddedDatabase> server = started.server();
        started = null;
        try {
            server.join().close();
        } catch (IOException | RuntimeException e) {
            log.warn("The embedded PostgreSQL started for a failed start did not stop cleanly", e);
        }
    }
}
