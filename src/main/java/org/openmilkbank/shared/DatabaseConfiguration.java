package org.openmilkbank.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL only: an external server when {@code openmilkbank.db.url} (env {@code OPENMILKBANK_DB_URL}) is
 * set, otherwise an embedded PostgreSQL whose data directory survives restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @ConfigurationProperties("openmilkbank.db")
    record DbProperties(String url, String user, String password, Embedded embedded) {
        record Embedded(String dataDir, Boolean clean, Integer port) {}
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DbProperties props) throws IOException {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("openmilkbank");
        hikari.setMaximumPoolSize(10);
        if (props.url() != null && !props.url().isBlank()) {
            hikari.setJdbcUrl(props.url());
            hikari.setUsername(props.user());
            hikari.setPassword(props.password());
            log.info("Using PostgreSQL at {}", props.url());
            return new HikariDataSource(hikari);
        }
        EarlyEmbeddedDatabase.Claimed early =
                EarlyEmbeddedDatabase.claim(props.embedded()).orElse(null);
        EmbeddedDatabase postgres = early != null ? early.database() : startEmbedded(props.embedded());
        hikari.setJdbcUrl(postgres.jdbcUrl());
        hikari.setUsername(postgres.user());
        hikari.setPassword(postgres.password());
        return new EmbeddedBackedDataSource(hikari, postgres, early != null && early.migrated());
    }

    /**
     * The schema is migrated as usual, unless the embedded server claimed by the data source was migrated with the
     * same configuration while Spring was still starting (see {@link EarlyEmbeddedDatabase}).
     */
    @Bean
    FlywayMigrationStrategy migrateUnlessMigratedEarly() {
        return flyway -> {
            if (flyway.getConfiguration().getDataSource() instanceof EmbeddedBackedDataSource embedded
                    && embedded.migratedEarly) {
                log.info("The schema was migrated while the application started");
                return;
            }
            flyway.migrate();
        };
    }

    static EmbeddedDatabase startEmbedded(DbProperties.Embedded embedded) throws IOException {
        boolean clean = embedded != null && Boolean.TRUE.equals(embedded.clean());
        Path dir = embedded == null
                        || embedded.dataDir() == null
                        || embedded.dataDir().isBlank()
                ? Path.of("data", "postgres")
                : Path.of(embedded.dataDir());
        if (clean) {
            dir = Files.createTempDirectory("openmilkbank-pg-");
        }
        int port = embedded != null && embedded.port() != null ? embedded.port() : 0;
        return EmbeddedDatabase.start(dir, clean, port);
    }

    /** Closes the embedded server together with the pool. */
    static final class EmbeddedBackedDataSource extends HikariDataSource {
        private final transient EmbeddedDatabase postgres;
        /** Its schema was migrated by the early start, with the application's migrations. */
        private final boolean migratedEarly;

        EmbeddedBackedDataSource(HikariConfig config, EmbeddedDatabase postgres, boolean migratedEarly) {
            super(config);
            this.postgres = postgres;
            this.migratedEarly = migratedEarly;
        }

        @Override
        public void close() {
            super.close();
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
