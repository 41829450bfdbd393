package org.openmilkbank.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, run as a careful bank would run a server: every commit reaches the disk (fsync and
 * synchronous commit on), every connection proves a password (scram-sha-256), and the application works as the
 * non-superuser owner of its own database. The superuser is used only here, to bootstrap that owner. A server left
 * running by a killed application is stopped before the new start.
 */
final class EmbeddedDatabase implements Closeable {

    static final String DATABASE = "openmilkbank";
    static final String OWNER = "openmilkbank";
    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final EmbeddedCredentials credentials;

    private EmbeddedDatabase(EmbeddedPostgres postgres, EmbeddedCredentials credentials) {
        this.postgres = postgres;
        this.credentials = credentials;
    }

    /** Starts (and on first use initialises) the server whose data lives in {@code dataDir}; port 0 picks a free one. */
    static EmbeddedDatabase start(Path dataDir, boolean clean, int port) throws IOException {
        Files.createDirectories(dataDir);
        StaleServer.stopIfRunning(dataDir);
        boolean initialised = Files.exists(dataDir.resolve("postgresql.conf")) && !clean;
        // credentials of a data directory that initdb is about to (re)create are of no use
        Optional<EmbeddedCredentials> existing = initialised ? EmbeddedCredentials.read(dataDir) : Optional.empty();
        EmbeddedCredentials credentials = existing.orElseGet(EmbeddedCredentials::generate);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(clean)
                .setRegisterShutdownHook(false)
                // zonky gives up after 10 s; a first start with fsync on, on a slow disk or a busy machine, can take
                // longer
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("timezone", "UTC")
                // zonky starts postgres with -F (fsync off) and synchronous_commit off: a power cut would lose commits
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                // the bootstrap superuser's password; ignored while an old or new data directory still trusts
                .setConnectConfig("password", credentials.superuserPassword());
        if (existing.isPresent()) {
            builder.setDataDirectoryCustomizer(dir -> writePasswordOnlyHba(dir.toPath()));
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        try {
            if (existing.isEmpty()) {
                bootstrap(postgres, credentials, dataDir);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            postgres.close();
            throw new IllegalStateException("Could not secure the embedded PostgreSQL in " + dataDir, e);
        }
        log.info(
                "Embedded PostgreSQL on port {} with data in {} (fsync on, password authentication)",
                postgres.getPort(),
                dataDir.toAbsolutePath());
        return new EmbeddedDatabase(postgres, credentials);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    String user() {
        return OWNER;
    }

    String password() {
        return credentials.ownerPassword();
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * First start of a fresh data directory, or of one made by an older version (trust, everything in the superuser's
     * {@code postgres} database): passwords for both roles, the owner's database, then password-only access.
     * Idempotent, so a crash half-way is finished by the next start.
     */
    private static void bootstrap(EmbeddedPostgres postgres, EmbeddedCredentials credentials, Path dataDir)
            throws SQLException, IOException {
        DataSource template = postgres.getDatabase(SUPERUSER, "template1");
        try (Connection c = template.getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter role " + SUPERUSER + " password '" + credentials.superuserPassword() + "'");
            boolean ownerExists = exists(s, "select 1 from pg_roles where rolname = '" + OWNER + "'");
            s.execute((ownerExists ? "alter role " : "create role ") + OWNER
                    + " login nosuperuser nocreatedb nocreaterole noreplication password '"
                    + credentials.ownerPassword() + "'");
            if (!exists(s, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (holdsOlderVersionsData(postgres)) {
                    log.info("Moving the bank's data from the superuser's database into its own database");
                    s.execute("alter database postgres rename to " + DATABASE);
                    s.execute("create database postgres");
                } else {
                    s.execute("create database " + DATABASE + " owner " + OWNER);
                }
            }
            s.execute("alter database " + DATABASE + " owner to " + OWNER);
        }
        try (Connection c = postgres.getDatabase(SUPERUSER, DATABASE).getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter schema public owner to " + OWNER);
            for (String alter : ownershipTransfers(s)) {
                s.execute(alter);
            }
        }
        credentials.save(dataDir);
        writePasswordOnlyHba(dataDir);
        try (Connection c = template.getConnection();
                Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        }
    }

    private static boolean holdsOlderVersionsData(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getDatabase(SUPERUSER, "postgres").getConnection();
                Statement s = c.createStatement()) {
            return exists(s, "select 1 where to_regclass('public.flyway_schema_history') is not null");
        }
    }

    private static List<String> ownershipTransfers(Statement s) throws SQLException {
        List<String> alters = new ArrayList<>();
        try (ResultSet r = s.executeQuery("select c.relname, c.relkind from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')"
                + " and pg_get_userbyid(c.relowner) <> '" + OWNER + "'"
                // a sequence owned by a column follows its table
                + " and not (c.relkind = 'S' and exists (select 1 from pg_depend d"
                + " where d.objid = c.oid and d.deptype in ('a', 'i')))")) {
            while (r.next()) {
                String kind = switch (r.getString(2)) {
                    case "S" -> "sequence";
                    case "v" -> "view";
                    case "m" -> "materialized view";
                    case "f" -> "foreign table";
                    default -> "table";
                };
                alters.add(
                        "alter " + kind + " public.\"" + r.getString(1).replace("\"", "\"\"") + "\" owner to " + OWNER);
            }
        }
        return alters;
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next();
        }
    }

    /** Every local and loopback connection must give a password; nothing is trusted. */
    static void writePasswordOnlyHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), """
                    # written by OpenMilkBank at every start: password authentication only
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
