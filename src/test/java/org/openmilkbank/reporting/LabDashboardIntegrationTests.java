package org.openmilkbank.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunRecord;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolNutritions;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.web.Csv;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The lab dashboard over a known set of samples and results, made through the lab's API: its own database (a
 * context of its own), so that every count is this test's. Four pools cultured before pasteurisation, one failed
 * (donor A's first of two); four runs sampled after, one failed; four containers titrated, two failed (one at the
 * limit exactly); one pool of two containers with crematocrits.
 */
@IntegrationTest
@TestPropertySource(properties = "openmilkbank.test.own-database=lab-dashboard")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabDashboardIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Standards standards;

    @Autowired
    Clock clock;

    String tech;
    String manager;
    YearMonth preMonth;
    YearMonth postMonth;
    YearMonth dornicMonth;
    DonorView donorA;
    DonorView donorB;
    PoolView measuredPool;

    @BeforeAll
    void aMonthOfTheLab() throws Exception {
        IdentityManagement identity = context.getBean(IdentityManagement.class);
        tech = Staff.create(identity, Role.LAB_TECHNICIAN);
        manager = Staff.create(identity, Role.MANAGER);
        Staff.asSystem(() -> standards.activate("NICE", "pre-pasteurisation cultures"));

        Instant receivedAt = ProcessingFixtures.agedReceivedAt();
        Instant madeAt = receivedAt.plus(Duration.ofHours(1));
        Instant sampledAt = madeAt.plus(Duration.ofMinutes(5));
        preMonth = YearMonth.from(sampledAt.atZone(clock.getZone()));

        // donor A: two pools, the first fails; its second pool's containers have crematocrits
        donorA = donor();
        DonationView a = receive(donorA, receivedAt, 100, 100, 100, 300);
        crematocrit(a.containers().get(2), "5", "100");
        crematocrit(a.containers().get(3), "10", "100");
        PoolView a1 = pool(List.of(a.containers().get(0), a.containers().get(1)), madeAt);
        measuredPool = pool(List.of(a.containers().get(2), a.containers().get(3)), madeAt);
        // donors B and C: one clean pool each
        donorB = donor();
        PoolView b = pool(receive(donorB, receivedAt, 200).containers(), madeAt);
        PoolView c = pool(receive(donor(), receivedAt, 200).containers(), madeAt);

        readPre(takeSample(a1.dinWithCheck(), "PRE_CULTURE", sampledAt), "250000");
        readPre(takeSample(measuredPool.dinWithCheck(), "PRE_CULTURE", sampledAt), "1000");
        readPre(takeSample(b.dinWithCheck(), "PRE_CULTURE", sampledAt), "1000");
        readPre(takeSample(c.dinWithCheck(), "PRE_CULTURE", sampledAt), "1000");

        // four runs sampled after pasteurisation (HMBANA: no culture before), one with growth
        Staff.asSystem(() -> standards.activate("HMBANA", "post-pasteurisation cultures"));
        Instant end = receivedAt.plus(Duration.ofHours(3));
        Instant postSampledAt = end.plus(Duration.ofMinutes(5));
        postMonth = YearMonth.from(postSampledAt.atZone(clock.getZone()));
        for (int i = 0; i < 4; i++) {
            RunView run = run(end);
            String sample = takeSample(
                    context.getBean(PasteurisationManagement.class).runCode(run.id()), "POST_CULTURE", postSampledAt);
            read(sample, i == 0 ? counts("BACILLUS_CEREUS", "20") : counts("TOTAL_VIABLE_COUNT", "0"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.verdict").value(i == 0 ? "FAIL" : "PASS"));
        }

        // four containers titrated today: 5 °D and 5 °D pass, 9 °D fails, 8 °D (at the limit) fails
        dornicMonth = YearMonth.now(clock);
        DonationView d = receive(donor(), Instant.now().minus(Duration.ofHours(4)), 100, 100, 100, 100);
        String[] ml = {"0.05", "0.05", "0.09", "0.08"};
        for (int i = 0; i < 4; i++) {
            postJson(
                            "/api/v1/lab/quality/containers/"
                                    + d.containers().get(i).din() + "/dornic",
                            tech,
                            "{\"ml1\":%s,\"ml2\":%s,\"ml3\":%s}".formatted(ml[i], ml[i], ml[i]))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void oneOfFourPoolsFailedBeforePasteurisationAndOneOfFourRunsAfter() throws Exception {
        String month = "$.months[?(@.month == '%s')].";
        report(preMonth.minusMonths(1), YearMonth.now(clock))
                .andExpect(status().isOk())
                .andExpect(jsonPath(month.formatted(preMonth) + "poolsCultured").value(4))
                .andExpect(jsonPath(month.formatted(preMonth) + "poolsFailed").value(1))
                .andExpect(jsonPath(month.formatted(preMonth) + "preCultureFailedPercent")
                        .value(25.0))
                .andExpect(jsonPath(month.formatted(postMonth) + "runsSampled").value(4))
                .andExpect(jsonPath(month.formatted(postMonth) + "runsFailed").value(1))
                .andExpect(jsonPath(month.formatted(postMonth) + "postCultureFailedPercent")
                        .value(25.0))
                .andExpect(jsonPath("$.total.poolsCultured").value(4))
                .andExpect(jsonPath("$.total.runsSampled").value(4))
                .andExpect(jsonPath("$.published.preCulture.percent").value(6.4))
                .andExpect(jsonPath("$.published.postCulture.percent").value(0.3))
                .andExpect(jsonPath("$.published.dornic.percent").value(18))
                .andExpect(jsonPath("$.published.preCulture.source")
                        .value(org.hamcrest.Matchers.containsString("Clifford 2021")));
    }

    @Test
    void aMonthWithNoDataHasNoRateRatherThanZero() throws Exception {
        YearMonth empty = preMonth.minusMonths(1);
        String month = "$.months[?(@.month == '%s')].".formatted(empty);
        report(empty, YearMonth.now(clock))
                .andExpect(jsonPath(month + "poolsCultured").value(0))
                .andExpect(jsonPath(month + "runsSampled").value(0))
                .andExpect(jsonPath(month + "containersChecked").value(0))
                .andExpect(jsonPath(month + "preCultureFailedPercent")
                        .value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())));
        // a period of only empty months: every count zero, no donor
        report(empty.minusMonths(2), empty)
                .andExpect(jsonPath("$.months.length()").value(3))
                .andExpect(jsonPath("$.total.poolsCultured").value(0))
                .andExpect(jsonPath("$.donors").isEmpty());
    }

    @Test
    void byDonorHerShareOfFailedPoolsAndADonorWithNoFailures() throws Exception {
        String donor = "$.donors[?(@.donorCode == '%s')].";
        report(preMonth, preMonth)
                .andExpect(jsonPath("$.donors.length()").value(3))
                .andExpect(jsonPath("$.donors[0].donorCode").value(donorA.code()))
                .andExpect(jsonPath(donor.formatted(donorA.code()) + "pools").value(2))
                .andExpect(jsonPath(donor.formatted(donorA.code()) + "failed").value(1))
                .andExpect(jsonPath(donor.formatted(donorA.code()) + "failedPercent")
                        .value(50.0))
                .andExpect(jsonPath(donor.formatted(donorB.code()) + "pools").value(1))
                .andExpect(jsonPath(donor.formatted(donorB.code()) + "failed").value(0))
                .andExpect(jsonPath(donor.formatted(donorB.code()) + "failedPercent")
                        .value(0.0));
    }

    @Test
    void dornicFailuresCountTheMeanAtTheLimitAsFailed() throws Exception {
        String month = "$.months[?(@.month == '%s')].".formatted(dornicMonth);
        report(dornicMonth, dornicMonth)
                .andExpect(jsonPath(month + "containersChecked").value(4))
                .andExpect(jsonPath(month + "dornicFailed").value(2))
                .andExpect(jsonPath(month + "dornicFailedPercent").value(50.0));
    }

    @Test
    void thePoolsMeanEnergyIsTheVolumeWeightedCrematocritItsLabelPrints() throws Exception {
        // Lucas: 5 % cream → 624 kcal/L (100 mL), 10 % → 958 kcal/L (300 mL): 874.5 kcal/L, 87.5 kcal/dL
        BigDecimal label = context.getBean(PoolNutritions.class)
                .of(context.getBean(PoolManagement.class)
                        .find(measuredPool.id())
                        .orElseThrow())
                .kcalPerDl();
        assertThat(label).isEqualByComparingTo("87.5");
        String month = "$.months[?(@.month == '%s')].".formatted(preMonth);
        report(preMonth, preMonth)
                .andExpect(jsonPath(month + "poolsWithEnergy").value(1))
                .andExpect(jsonPath(month + "meanKcalPerDl").value(87.5))
                .andExpect(jsonPath(month + "poolsWithProtein").value(0));
    }

    @Test
    void thePageShowsTheSameNumbersInATableBesideThePublishedRates() throws Exception {
        String html = mvc.perform(get("/reports/lab")
                        .param("from", preMonth.toString())
                        .param("to", preMonth.toString())
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("data-month=\"" + preMonth + "\"")
                .contains("1 of 4")
                .contains("25 %")
                .contains("6.4 %")
                .contains("Clifford 2021")
                .contains("chart.umd.js")
                .contains("lab-contamination-chart");
    }

    @Test
    void theCsvStartsWithTheByteOrderMarkAndCarriesTheRates() throws Exception {
        byte[] body = mvc.perform(get("/reports/lab.csv")
                        .param("from", preMonth.toString())
                        .param("to", preMonth.toString())
                        .with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).startsWith(Csv.BOM + "\"Month\"");
        assertThat(csv).contains("\"" + preMonth + "\",\"4\",\"1\",\"25.0\",\"6.4\"");
        assertThat(csv).contains("\"" + donorA.code() + "\",\"2\",\"1\",\"50.0\"");
    }

    @Test
    void anUnreadablePeriodIsRefusedAndChangesNothing() throws Exception {
        report("2026-13", "2026-12")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("reporting.lab.period.month"));
        report("2026-05", "2026-01")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("reporting.lab.period.order"));
        report("2000-01", "2026-01")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("reporting.lab.period.tooLong"));
        String html = mvc.perform(get("/reports/lab").param("from", "soon").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("lab-period-error").contains("“soon” is not a month");
    }

    @Test
    void theDashboardIsForManagersTechniciansAndAdmins() throws Exception {
        String nurse = Staff.create(context.getBean(IdentityManagement.class), Role.NURSE);
        mvc.perform(get("/api/v1/reports/lab").with(httpBasic(nurse, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/reports/lab").with(httpBasic(nurse, Staff.PASSWORD))).andExpect(status().isForbidden());
    }

    ResultActions report(YearMonth from, YearMonth to) throws Exception {
        return report(from.toString(), to.toString());
    }

    ResultActions report(String from, String to) throws Exception {
        return mvc.perform(get("/api/v1/reports/lab")
                .param("from", from)
                .param("to", to)
                .with(httpBasic(manager, Staff.PASSWORD)));
    }

    DonorView donor() {
        LocalDate today = LocalDate.now(clock);
        DonorView[] made = new DonorView[1];
        Staff.asSystem(() -> made[0] =
                DonorFixtures.eligibleDonor(context.getBean(DonorManagement.class), standards, today.minusDays(20)));
        return made[0];
    }

    DonationView receive(DonorView donor, Instant receivedAt, int... volumesMl) {
        DonationView[] made = new DonationView[1];
        Staff.asSystem(() -> made[0] = DonorFixtures.receive(
                context.getBean(CollectionManagement.class),
                donor.id(),
                LocalDate.now(clock).minusDays(6),
                receivedAt,
                volumesMl));
        return made[0];
    }

    PoolView pool(List<RawContainerView> containers, Instant madeAt) {
        List<UUID> ids = containers.stream().map(RawContainerView::id).toList();
        PoolView[] made = new PoolView[1];
        Staff.as(
                tech,
                Role.LAB_TECHNICIAN,
                () -> made[0] = context.getBean(PoolManagement.class).createPool(ids, madeAt));
        return made[0];
    }

    RunView run(Instant end) {
        PoolView pool = ProcessingFixtures.agedReadyPool(context, tech, 200);
        RunView[] made = new RunView[1];
        Staff.as(
                tech,
                Role.LAB_TECHNICIAN,
                () -> made[0] = context.getBean(PasteurisationManagement.class)
                        .recordRun(new RunRecord(
                                pool.id(),
                                "PAST-1",
                                end.minus(Duration.ofMinutes(75)),
                                end,
                                new BigDecimal("62.5"),
                                30,
                                2,
                                100)));
        return made[0];
    }

    void crematocrit(RawContainerView container, String creamMm, String totalMm) throws Exception {
        postJson(
                        "/api/v1/lab/quality/containers/" + container.din() + "/crematocrit",
                        tech,
                        "{\"creamMm\":%s,\"totalMm\":%s}".formatted(creamMm, totalMm))
                .andExpect(status().isOk());
    }

    String takeSample(String unitCode, String purpose, Instant takenAt) throws Exception {
        return JsonPath.read(
                postJson(
                                "/api/v1/lab/samples",
                                tech,
                                "{\"unitCode\":\"%s\",\"purpose\":\"%s\",\"medium\":\"BLOOD_AGAR\",\"takenAt\":\"%s\"}"
                                        .formatted(unitCode, purpose, takenAt))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    void readPre(String sample, String totalCfu) throws Exception {
        read(sample, counts("TOTAL_VIABLE_COUNT", totalCfu, "ENTEROBACTERIACEAE", "10", "STAPH_AUREUS", "10"))
                .andExpect(status().isOk());
    }

    ResultActions read(String sample, String counts) throws Exception {
        return postJson("/api/v1/lab/samples/" + sample + "/reads", tech, counts);
    }

    static String counts(String... organismAndCount) {
        StringBuilder json = new StringBuilder("{\"counts\":[");
        for (int i = 0; i < organismAndCount.length; i += 2) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"organism\":\"%s\",\"cfuPerMl\":%s}"
                            .formatted(organismAndCount[i], organismAndCount[i + 1]));
        }
        return json.append("]}").toString();
    }

    ResultActions postJson(String url, String who, String body) throws Exception {
        return mvc.perform(post(url)
                .with(httpBasic(who, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
