package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmilkbank.network.IndicatorBatchFixtures.count;
import static org.openmilkbank.network.IndicatorBatchFixtures.rate;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's benchmarks over five banks of one country, each sending its month through the real intake: ranks, the
 * funnel's outlier, failed cycles as a rate of runs, the warning when definitions differ, the leaders, the pages and
 * API by role, and a bank's view in which a peer is named only when it agreed.
 */
@IntegrationTest
class BenchmarksTests {

    /** Each test's banks send a month of their own, so the network's month holds only them. */
    private static final java.util.concurrent.atomic.AtomicInteger MONTHS =
            new java.util.concurrent.atomic.AtomicInteger();

    private YearMonth month;

    @Autowired
    NetworkHub hub;

    @Autowired
    BatchIntake intake;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Benchmarks benchmarks;

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    private String country;
    private List<IndicatorBatchFixtures.TestBank> banks;

    @BeforeEach
    void fiveBanksSendTheirMonth() {
        month = YearMonth.of(2030, 1).plusMonths(MONTHS.getAndIncrement());
        var fixtures = new IndicatorBatchFixtures(hub, intake, json);
        country = "T" + UUID.randomUUID().toString().substring(0, 6);
        banks = List.of(
                fixtures.bank("BMA", country, "North"),
                fixtures.bank("BMB", country, "North"),
                fixtures.bank("BMC", country, "South"),
                fixtures.bank("BMD", country, "South"),
                fixtures.bank("BME", country, "South"));
        int[] positives = {1, 2, 1, 2, 12};
        int[] failed = {0, 1, 2, 1, 0};
        for (int i = 0; i < banks.size(); i++) {
            banks.get(i)
                    .send(
                            month,
                            Map.of(
                                    "POST_CULTURE_POSITIVE_RATE", rate(positives[i], 40),
                                    "RUNS", count(40),
                                    "FAILED_CYCLES", count(failed[i]),
                                    "VOLUME_RECEIVED", count(100 + 10 * i)),
                            Map.of("orders.criteria.below-weeks", i == 4 ? "37" : "32", "stock.use-days", "30"));
        }
    }

    private Benchmarks.Benchmark benchmark(String indicator) {
        return benchmarks.benchmark(new Benchmarks.Query(indicator, month, 1, country, null));
    }

    @Test
    void aRateIsRankedWithTiesAndTheBankFarAboveThePooledRateIsOutsideTheFunnel() {
        var b = benchmark("POST_CULTURE_POSITIVE_RATE");
        assertThat(b.banks()).hasSize(5);
        assertThat(b.banks()).extracting(Benchmarks.BankFigure::rank).containsExactly(1, 1, 3, 3, 5);
        var worst = b.banks().get(4);
        assertThat(worst.facilityCode()).isEqualTo(banks.get(4).facilityCode);
        assertThat(worst.outside998()).isTrue();
        assertThat(b.banks().subList(0, 4)).noneMatch(Benchmarks.BankFigure::outside95);
        assertThat(b.funnel()).isPresent();
        assertThat(b.funnel().get().pooled()).isEqualTo(18 / 200.0);
        assertThat(b.summary().median()).isEqualByComparingTo("5");
        // the groups cover every country of the network, this test's too
        assertThat(b.byRegion().stream().filter(g -> g.country().equals(country)))
                .extracting(Benchmarks.Group::region)
                .containsExactly("North", "South");
        assertThat(b.byCountry().stream()
                        .filter(g -> g.country().equals(country))
                        .findFirst()
                        .orElseThrow()
                        .pooled())
                .isEqualByComparingTo("9");
    }

    @Test
    void failedCyclesAreARateOfRunsAsTheDictionarySays() {
        var b = benchmark("FAILED_CYCLES");
        assertThat(b.definition().rate()).isTrue();
        assertThat(b.funnel()).isPresent();
        var third = b.banks().stream()
                .filter(f -> f.facilityCode().equals(banks.get(2).facilityCode))
                .findFirst()
                .orElseThrow();
        assertThat(third.numerator()).isEqualByComparingTo("2");
        assertThat(third.denominator()).isEqualByComparingTo("40");
        assertThat(third.value()).isEqualByComparingTo("5");
        assertThat(benchmark("RUNS").funnel()).isEmpty();
    }

    @Test
    void theComparedBanksDifferingPretermCutOffIsFlagged() {
        assertThat(benchmark("RUNS").differing()).containsExactly("orders.criteria.below-weeks");
        var northOnly = benchmarks.benchmark(new Benchmarks.Query("RUNS", month, 1, country, "North"));
        assertThat(northOnly.differing()).isEmpty();
        var table = benchmarks.definitions(month, country);
        var preterm = table.rows().stream()
                .filter(r -> r.key().equals("orders.criteria.below-weeks"))
                .findFirst()
                .orElseThrow();
        assertThat(preterm.differs()).isTrue();
        assertThat(preterm.counts()).containsEntry("32", 4L).containsEntry("37", 1L);
    }

    @Test
    void theLeadersAreTheBestBankOfEachIndicatorThatHasABetterWay() {
        var leaders = benchmarks.leaders(month);
        var received = leaders.stream()
                .filter(l -> l.indicator().equals("VOLUME_RECEIVED"))
                .findFirst()
                .orElseThrow();
        assertThat(received.facilityCode()).isEqualTo(banks.get(4).facilityCode);
        assertThat(leaders).noneMatch(l -> l.indicator().equals("RUNS"));
    }

    @Test
    void aPeersNameNeverReachesABankUnlessThePeerAgreed() throws Exception {
        jdbc.sql("update network_bank set named = true where facility_code = ?")
                .param(banks.get(1).facilityCode)
                .update();
        var view = benchmarks.forBank(banks.get(0).facilityCode, "POST_CULTURE_POSITIVE_RATE", month);
        String text = json.writeValueAsString(view);
        assertThat(view.self()).isPresent();
        assertThat(text).contains(banks.get(1).facilityCode);
        for (var hidden : List.of(banks.get(2), banks.get(3), banks.get(4))) {
            assertThat(text).doesNotContain(hidden.facilityCode);
        }
        var again = benchmarks.forBank(banks.get(3).facilityCode, "POST_CULTURE_POSITIVE_RATE", month);
        Integer numberOfTheFifth = view.peers().stream()
                .filter(p -> p.value().compareTo(new java.math.BigDecimal("30")) == 0)
                .findFirst()
                .orElseThrow()
                .number();
        assertThat(numberOfTheFifth).isNotNull();
        // the same peer keeps its number within the month, whoever looks
        assertThat(again.peers().stream()
                        .filter(p -> p.value().compareTo(new java.math.BigDecimal("30")) == 0)
                        .findFirst()
                        .orElseThrow()
                        .number())
                .isEqualTo(numberOfTheFifth);
    }

    @Test
    void theCoordinatorSeesEveryBankByNameAndABanksManagerIsRefused() throws Exception {
        String coordinator = Staff.create(identity, Role.NETWORK_COORDINATOR);
        String manager = Staff.create(identity, Role.MANAGER);
        String admin = Staff.create(identity, Role.ADMIN);
        String html = mvc.perform(get("/hub/benchmarks")
                        .param("indicator", "POST_CULTURE_POSITIVE_RATE")
                        .param("month", month.toString())
                        .param("country", country)
                        .with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (var bank : banks) {
            assertThat(html).contains(bank.facilityCode);
        }
        assertThat(html).contains("data-testid=\"benchmark-outlier\"").contains("benchmarks-differ");
        mvc.perform(get("/hub/dictionary").param("month", month.toString()).with(httpBasic(admin, Staff.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/hub/benchmarks").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/hub/dictionary").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/hub/benchmarks").param("indicator", "RUNS").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Autowired
    java.time.Clock clock;

    @Test
    void aBankAsksTheHubForItsPlaceBySignedRequestAndSeesOnlyTheNamesOfPeersThatAgreed() throws Exception {
        jdbc.sql("update network_bank set named = true where facility_code = ?")
                .param(banks.get(3).facilityCode)
                .update();
        String path = "/api/v1/network/benchmarks?indicator=POST_CULTURE_POSITIVE_RATE&month=" + month;
        var request = get(path);
        banks.get(0).signedGet(path, clock.instant()).forEach(request::header);
        String body = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var node = json.readTree(body);
        assertThat(node.path("self").path("facilityCode").asText()).isEqualTo(banks.get(0).facilityCode);
        assertThat(node.path("peers").size()).isEqualTo(4);
        assertThat(body).contains(banks.get(3).facilityCode);
        for (var hidden : List.of(banks.get(1), banks.get(2), banks.get(4))) {
            assertThat(body).doesNotContain(hidden.facilityCode);
        }
        // unsigned, or signed for another query, it is refused
        mvc.perform(get(path)).andExpect(status().isUnauthorized());
        var other = get(path + "&x=1");
        banks.get(0).signedGet(path, clock.instant()).forEach(other::header);
        mvc.perform(other).andExpect(status().isUnauthorized());
    }

    @Test
    void aBanksManagerIsToldWhenItsPlaceCannotBeFetchedAndTheCoordinatorMayNotOpenIt() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        String html = mvc.perform(get("/network/benchmarks").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // not enrolled, or the hub this test application links to is not listening: either way it says so
        assertThat(html).contains("data-testid=\"place-refusal\"");
        String coordinator = Staff.create(identity, Role.NETWORK_COORDINATOR);
        mvc.perform(get("/network/benchmarks").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCoordinatorsPagesReadInVietnameseAndLao() throws Exception {
        String coordinator = Staff.create(identity, Role.NETWORK_COORDINATOR);
        for (String lang : List.of("vi", "lo")) {
            for (String path : List.of("/hub/benchmarks", "/hub/dictionary")) {
                String html = mvc.perform(get(path)
                                .param("lang", lang)
                                .param("indicator", "FAILED_CYCLES")
                                .param("month", month.toString())
                                .param("country", country)
                                .with(httpBasic(coordinator, Staff.PASSWORD)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(html)
                        .as(path + " in " + lang)
                        .contains("lang=\"" + lang + "\"")
                        .doesNotContain("??");
                assertThat(html).doesNotContain("Benchmarks").doesNotContain("Shared data dictionary");
            }
        }
    }

    @Test
    void theApiAnswersJsonAndRefusesBadInputWithoutAnError() throws Exception {
        String coordinator = Staff.create(identity, Role.NETWORK_COORDINATOR);
        String body = mvc.perform(get("/api/v1/hub/benchmarks")
                        .param("indicator", "FAILED_CYCLES")
                        .param("month", month.toString())
                        .param("country", country)
                        .with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var node = json.readTree(body);
        assertThat(node.path("banks").size()).isEqualTo(5);
        assertThat(node.path("funnel").path("pooled").asDouble()).isEqualTo(4 / 200.0);
        mvc.perform(get("/api/v1/hub/benchmarks")
                        .param("indicator", "NO_SUCH")
                        .with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/hub/benchmarks")
                        .param("indicator", "RUNS")
                        .param("month", "May")
                        .with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/hub/benchmarks")
                        .param("indicator", "RUNS")
                        .param("months", "5")
                        .with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/hub/benchmarks").param("month", "May").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk());
    }
}
