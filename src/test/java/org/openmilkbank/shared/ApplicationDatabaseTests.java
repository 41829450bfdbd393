package org.openmilkbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openmilkbank.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application's own connections: durable commits, as the database's non-superuser owner. */
@IntegrationTest
class ApplicationDatabaseTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApplicationsDatabaseSyncsEveryCommitToDisk() {
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
    }

    @Test
    void theApplicationWorksAsTheOwnerOfItsDatabaseNotAsSuperuser() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("openmilkbank");
        assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))
                .isFalse();
    }
}
