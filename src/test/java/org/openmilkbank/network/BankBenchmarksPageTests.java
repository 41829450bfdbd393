package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmilkbank.network.IndicatorBatchFixtures.count;
import static org.openmilkbank.network.IndicatorBatchFixtures.rate;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.LoopbackHub;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank manager's /network/benchmarks against a hub on a loopback port (a JDK {@code HttpServer} handing each signed
 * request to this application's own hub endpoint): the bank's place among peers shown by number unless they agreed to
 * be named, and a clear message when the hub cannot be reached.
 */
@IntegrationTest
class BankBenchmarksPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkHub hub;

    @Autowired
    BatchIntake intake;

    @Autowired
    NetworkLink link;

    @Autowired
    BankKey key;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityManagement identity;

    @Value("${openmilkbank.facility-code}")
    String facilityCode;

    private LoopbackHub server;

    @BeforeEach
    void linkTheBankToALoopbackHub() throws IOException {
        if (!hub.isRegistered(facilityCode)) {
            hub.register(facilityCode, "VN", "Hà Nội", 380, key.publicKeyText());
        }
        server = LoopbackHub.start(mvc);
        link.link(URI.create(server.url()), key.publicKeyText());
    }

    @AfterEach
    void stopTheHub() {
        server.stop();
    }

    @Test
    void theManagerSeesTheBanksPlaceWithPeersByNumberUnlessTheyAgreedToBeNamed() throws Exception {
        YearMonth month = YearMonth.of(2032, 1).plusMonths(UUID.randomUUID().hashCode() & 0xff);
        var fixtures = new IndicatorBatchFixtures(hub, intake, json);
        String country = ("P" + UUID.randomUUID().toString().substring(0, 5)).toUpperCase(java.util.Locale.ROOT);
        var named = fixtures.bank("NAMED", country, "North");
        var hidden = fixtures.bank("HIDDEN", country, "North");
        named.send(month, Map.of("POST_CULTURE_POSITIVE_RATE", rate(1, 40), "RUNS", count(40)), Map.of());
        hidden.send(month, Map.of("POST_CULTURE_POSITIVE_RATE", rate(3, 40), "RUNS", count(40)), Map.of());
        jdbc.sql("update network_bank set named = true where facility_code = ?")
                .param(named.facilityCode)
                .update();
        // this installation's own month at its hub (its outbox's numbers stay its sender's)
        jdbc.sql("""
                        insert into network_indicator (facility_code, month, code, breakdown, value, numerator,
                            denominator, batch_sequence)
                        values (?, ?, 'POST_CULTURE_POSITIVE_RATE', '', 5.0, 2, 40, 1)
                        on conflict do nothing
                        """)
                .params(facilityCode, java.sql.Date.valueOf(month.atDay(1)))
                .update();
        String manager = Staff.create(identity, Role.MANAGER);

        String html = page(manager, month);

        assertThat(html).contains("data-testid=\"place-self\"").doesNotContain("place-refusal");
        assertThat(html).contains(named.facilityCode).doesNotContain(hidden.facilityCode);
        assertThat(html).containsPattern("Bank \\d+");
        assertThat(html).contains("Rank 2 of 3");
        // the same through the bank's API
        mvc.perform(get("/api/v1/network/our-benchmarks")
                        .param("indicator", "POST_CULTURE_POSITIVE_RATE")
                        .param("month", month.toString())
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.self.facilityCode").exists());
        mvc.perform(get("/api/v1/network/our-benchmarks")
                        .param("indicator", "POST_CULTURE_POSITIVE_RATE")
                        .param("month", "soon")
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.code").value("network.benchmarks.refused.month"));

        server.stop();
        String down = page(manager, month);
        assertThat(down).contains("data-testid=\"place-refusal\"").contains("could not be reached");
        mvc.perform(get("/api/v1/network/our-benchmarks")
                        .param("indicator", "POST_CULTURE_POSITIVE_RATE")
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.code").value("network.hub.unreachable"));
    }

    private String page(String manager, YearMonth month) throws Exception {
        return mvc.perform(get("/network/benchmarks")
                        .param("indicator", "POST_CULTURE_POSITIVE_RATE")
                        .param("month", month.toString())
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
