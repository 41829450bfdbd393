package org.openmilkbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server started while Spring reads its configuration is the one the data source gets, once and only once. */
class EarlyEmbeddedDatabaseTests {

    @TempDir
    Path dataDir;

    @TempDir
    Path otherDir;

    @Test
    void theDataSourceClaimsTheServerStartedEarlyWithItsOwnSettingsOnly() throws Exception {
        var settings = new DatabaseConfiguration.DbProperties.Embedded(dataDir.toString(), false, 0);
        EarlyEmbeddedDatabase.startInBackground(settings);

        assertThat(EarlyEmbeddedDatabase.claim(
                        new DatabaseConfiguration.DbProperties.Embedded(otherDir.toString(), false, 0)))
                .as("settings of another data directory")
                .isEmpty();
        try (EmbeddedDatabase db =
                        EarlyEmbeddedDatabase.claim(settings).orElseThrow().database();
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select current_user")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("openmilkbank");
            assertThat(dataDir.resolve("postgresql.conf"))
                    .as("its data directory")
                    .exists();
            assertThat(otherDir).isEmptyDirectory();
            assertThat(EarlyEmbeddedDatabase.claim(settings))
                    .as("claimed a second time")
                    .isEmpty();
        }
    }

    @Test
    void theSchemaIsMigratedBeforeTheDataSourceClaimsTheServer() throws Exception {
        var settings = new DatabaseConfiguration.DbProperties.Embedded(dataDir.toString(), false, 0);
        EarlyEmbeddedDatabase.startInBackground(
                settings, new EarlyEmbeddedDatabase.Migrations(new String[] {"classpath:db/migration"}, true));

        EarlyEmbeddedDatabase.Claimed claimed =
                EarlyEmbeddedDatabase.claim(settings).orElseThrow();
        try (EmbeddedDatabase db = claimed.database();
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) filter (where not success), max(installed_rank),"
                        + " to_regclass('public.milk_unit') is not null from flyway_schema_history")) {
            r.next();
            assertThat(claimed.migrated()).isTrue();
            assertThat(r.getInt(1)).as("failed migrations").isZero();
            assertThat(r.getInt(2)).as("migrations applied").isGreaterThan(40);
            assertThat(r.getBoolean(3)).as("the lineage table exists").isTrue();
        }
    }

    @Test
    void anotherDatabaseInTheSameProcessIsStillMigratedByTheApplication() throws Exception {
        var settings = new DatabaseConfiguration.DbProperties.Embedded(dataDir.toString(), false, 0);
        EarlyEmbeddedDatabase.startInBackground(
                settings, new EarlyEmbeddedDatabase.Migrations(new String[] {"classpath:db/migration"}, true));
        EarlyEmbeddedDatabase.claim(settings).orElseThrow().database().close();

        try (EmbeddedDatabase other = EmbeddedDatabase.start(otherDir, false, 0)) {
            Flyway flyway = Flyway.configure()
                    .dataSource(other.jdbcUrl(), other.user(), other.password())
                    .locations("classpath:db/migration")
                    .outOfOrder(true)
                    .load();
            new DatabaseConfiguration().migrateUnlessMigratedEarly().migrate(flyway);
            try (Connection c = DriverManager.getConnection(other.jdbcUrl(), other.user(), other.password());
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select to_regclass('public.api_token') is not null")) {
                r.next();
                assertThat(r.getBoolean(1)).as("migrated").isTrue();
            }
        }
    }

    @Test
    void aThrowAwayDatabaseIsNotStartedEarly() throws Exception {
        var clean = new DatabaseConfiguration.DbProperties.Embedded(null, true, 0);
        EarlyEmbeddedDatabase.startInBackground(clean);

        assertThat(EarlyEmbeddedDatabase.claim(clean)).isEmpty();
    }
}
