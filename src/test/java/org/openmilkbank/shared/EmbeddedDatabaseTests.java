package org.openmilkbank.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server keeps every commit on disk, asks every connection for a password, and runs the bank as owner. */
class EmbeddedDatabaseTests {

    @TempDir
    Path dataDir;

    @Test
    void commitsReachTheDiskBeforeTheyAreConfirmed() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, false, 0);
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void theBankConnectsAsTheNonSuperuserOwnerWithAGeneratedPasswordOnlyItsOwnerCanRead() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, false, 0);
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select current_user, rolsuper, pg_get_userbyid(d.datdba)"
                        + " from pg_roles, pg_database d"
                        + " where rolname = current_user and d.datname = current_database()")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("openmilkbank");
            assertThat(r.getBoolean(2)).as("superuser").isFalse();
            assertThat(r.getString(3)).as("database owner").isEqualTo("openmilkbank");
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dataDir.resolve(EmbeddedCredentials.FILE))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void noConnectionIsTrustedWithoutAPasswordNotEvenTheSuperusersAfterARestart() throws Exception {
        EmbeddedDatabase.start(dataDir, false, 0).close();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, false, 0)) {
            refusedWithoutPassword(db.port(), "postgres", "postgres");
            refusedWithoutPassword(db.port(), "openmilkbank", "openmilkbank");
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "wrong"))
                    .isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                assertThat(show(c, "fsync")).isEqualTo("on");
            }
        }
    }

    @Test
    void aDataDirectoryOfAnOlderVersionThatTrustedEveryoneIsSecuredAndKeepsItsData() throws Exception {
        // what older versions did: zonky's defaults, the bank's tables in the superuser's "postgres" database
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.toFile())
                        .setCleanDataDirectory(false)
                        .start();
                Connection c = old.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table flyway_schema_history (installed_rank int primary key)");
            s.execute("create sequence donor_code_seq");
            s.execute("create table donor (id int primary key, code text)");
            s.execute("insert into donor values (1, 'D-0001')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, false, 0);
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select code from donor")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("D-0001");
            }
            s.execute("insert into donor values (2, 'D-' || nextval('donor_code_seq'))");
            s.execute("alter table donor add column note text");
            refusedWithoutPassword(db.port(), "postgres", "postgres");
        }
    }

    private static void refusedWithoutPassword(int port, String user, String database) {
        assertThatThrownBy(() -> DriverManager.getConnection(
                                "jdbc:postgresql://localhost:" + port + "/" + database + "?user=" + user)
                        .close())
                .isInstanceOf(SQLException.class);
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("show " + setting)) {
            r.next();
            return r.getString(1);
        }
    }
}
