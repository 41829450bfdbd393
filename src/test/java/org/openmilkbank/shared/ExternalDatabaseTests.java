package org.openmilkbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.openmilkbank.OpenMilkBankApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** With OPENMILKBANK_DB_URL/_USER/_PASSWORD the bank runs on that server: Flyway builds the schema there. */
class ExternalDatabaseTests {

    @Test
    void runsOnAPostgresServerGivenByUrlAndMigratesItsSchema() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            try (Connection c = server.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create role milkbank login password 'secret-pw'");
                s.execute("create database milkbank owner milkbank");
            }
            String url = server.getJdbcUrl("milkbank", "milkbank");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenMilkBankApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .profiles("test")
                    // command-line arguments outrank the test profile's embedded-database settings
                    .run(
                            "--openmilkbank.db.url=" + url,
                            "--openmilkbank.db.user=milkbank",
                            "--openmilkbank.db.password=secret-pw",
                            "--openmilkbank.demo.enabled=",
                            "--server.port=0")) {
                assertThat(app.getBean(org.openmilkbank.standards.Standards.class)
                                .activeProfile()
                                .code())
                        .isEqualTo("HMBANA");
            }
            try (Connection c = server.getDatabase("milkbank", "milkbank").getConnection();
                    Statement s = c.createStatement();
                    ResultSet donors = s.executeQuery("select count(*) from donor");
                    Statement s2 = c.createStatement();
                    ResultSet admins = s2.executeQuery("select count(*) from staff_user where username = 'admin'")) {
                donors.next();
                admins.next();
                assertThat(donors.getInt(1))
                        .as("no demo data on an external server")
                        .isZero();
                assertThat(admins.getInt(1)).isEqualTo(1);
            }
        }
    }
}
