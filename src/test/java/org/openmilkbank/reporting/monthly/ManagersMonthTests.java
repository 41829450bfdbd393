package org.openmilkbank.reporting.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.reporting.indicators.IndicatorSource;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.web.Formats;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The manager's month: the dashboard shows this month (so far) against last month as the indicators compute them,
 * with her targets and whether they are met; targets are amended and withdrawn with reasons, kept in history.
 * The dictionary may hold any indicators; these tests use the volume dispensed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagersMonthTests {

    static final String CODE = "VOLUME_DISPENSED";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IndicatorSource indicators;

    @Autowired
    Targets targets;

    @Autowired
    Clock clock;

    String manager;
    String dispenser;

    @BeforeAll
    void twoBottlesDispensedToday() {
        IdentityManagement identity = context.getBean(IdentityManagement.class);
        manager = Staff.create(identity, Role.MANAGER);
        dispenser = Staff.create(identity, Role.DISPENSER);
        DispensingFixtures fixtures = new DispensingFixtures(context);
        var donor = fixtures.eligibleDonor();
        var batch = fixtures.released(fixtures.containers(3, donor), 2);
        var infant = fixtures.infantWithConsent();
        fixtures.dispense(infant, batch.bottles().get(0));
        fixtures.dispense(infant, batch.bottles().get(1));
    }

    BigDecimal thisMonth() {
        return indicators
                .compute(YearMonth.now(clock).atDay(1), LocalDate.now(clock))
                .total(CODE);
    }

    BigDecimal lastMonth() {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        return indicators.compute(last.atDay(1), last.atEndOfMonth()).total(CODE);
    }

    Page page(String path, String lang) throws Exception {
        String html = mvc.perform(get(path).param("lang", lang).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return new Page(html);
    }

    /** The indicator's total: the first row of its card. */
    Page totalRow(Page page) {
        return page.indicator(CODE).part("data-testid=\"indicator-row\"", "</tr>");
    }

    void setTarget(String direction, BigDecimal value, String reason) throws Exception {
        mvc.perform(put("/api/v1/reports/targets/" + CODE)
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":%s,\"direction\":\"%s\",\"reason\":\"%s\"}"
                                .formatted(value.toPlainString(), direction, reason)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.direction").value(direction));
    }

    @Test
    void theDashboardShowsThisMonthSoFarAgainstLastMonthAsTheIndicatorsCountThem() throws Exception {
        BigDecimal now = thisMonth();
        assertThat(now).isGreaterThanOrEqualTo(new BigDecimal("0.2"));
        Formats fmt = context.getBean(Formats.class);
        Page page = page("/reports", "en");
        Page row = totalRow(page);
        assertThat(row.html()).doesNotContain("data-breakdown=");
        assertThat(row.text("this-month")).isEqualTo(Formats.number(now, Locale.ENGLISH));
        assertThat(row.text("last-month")).isEqualTo(Formats.number(lastMonth(), Locale.ENGLISH));
        assertThat(row.text("change")).isEqualTo("▲ +" + Formats.number(now.subtract(lastMonth()), Locale.ENGLISH));
        LocalDate first = YearMonth.now(clock).atDay(1);
        assertThat(row.attr("this-month", "href"))
                .isEqualTo("/reports/indicators/" + CODE + "?breakdown=&from=" + first + "&to=" + LocalDate.now(clock));
        assertThat(page.text("period")).contains(fmt.date(first), "so far");
        // the chart reads the same twelve numbers, this month's last
        String values = page.indicator(CODE).attr("trend", "data-values");
        assertThat(values.split("\\|")).hasSize(12);
        assertThat(new BigDecimal(values.substring(values.lastIndexOf('|') + 1)))
                .isEqualByComparingTo(now);
    }

    @Test
    void lastMonthIsOneClickAwayAndShowsTheMonthBefore() throws Exception {
        Page page = page("/reports", "en");
        String href = page.attr("last-month-link", "href");
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        assertThat(href).isEqualTo("/reports?month=" + last);
        Page before = page(href, "en");
        assertThat(totalRow(before).text("this-month")).isEqualTo(Formats.number(lastMonth(), Locale.ENGLISH));
        assertThat(before.text("period")).doesNotContain("so far");
    }

    @Test
    void theTargetMarkSaysWhetherTheMonthMeetsItInWordsNotColourAlone() throws Exception {
        BigDecimal now = thisMonth();
        setTarget("AT_LEAST", now.add(new BigDecimal("1.5")), "the NICU needs more");
        Page row = page("/reports", "en").indicator(CODE);
        assertThat(row.text("target-not-met")).isEqualTo("✗ Not met");
        assertThat(row.has("target-met")).isFalse();

        setTarget("AT_MOST", now.add(new BigDecimal("2.5")), "a cap while stock is short");
        row = page("/reports", "lo").indicator(CODE);
        assertThat(row.text("target-met")).isEqualTo("✓ ບັນລຸ");
        assertThat(row.has("target-not-met")).isFalse();
        assertThat(row.text("targets")).contains("ຫຼາຍສຸດ");

        mvc.perform(get("/api/v1/reports/months/" + YearMonth.now(clock)).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.code == '" + CODE + "' && @.breakdown == null)].met")
                        .value(org.hamcrest.Matchers.contains(true)))
                .andExpect(jsonPath("$.rows[?(@.code == '" + CODE + "' && @.breakdown == null)].target.direction")
                        .value(org.hamcrest.Matchers.contains("AT_MOST")))
                .andExpect(jsonPath("$.soFar").value(true))
                .andExpect(jsonPath("$.trendMonths.length()").value(12));
    }

    @Test
    void aTargetIsAmendedAndWithdrawnWithReasonsAndItsHistoryKeepsEachChange() throws Exception {
        BigDecimal first = thisMonth().add(new BigDecimal("10"));
        setTarget("AT_LEAST", first, "plan for the year");
        setTarget("AT_LEAST", first.add(BigDecimal.ONE), "a second NICU opened");
        mvc.perform(post("/api/v1/reports/targets/" + CODE + "/withdrawal")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"the ward closed\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));

        TargetView target = targets.of(CODE).stream()
                .filter(t -> t.breakdown() == null)
                .findFirst()
                .orElseThrow();
        assertThat(target.active()).isFalse();
        List<History.HistoryEntry> history = targets.history(target.id());
        assertThat(history).hasSizeGreaterThanOrEqualTo(3);
        List<History.HistoryEntry> last = history.subList(history.size() - 3, history.size());
        assertThat(last)
                .extracting(History.HistoryEntry::reason)
                .containsExactly("plan for the year", "a second NICU opened", "the ward closed");
        assertThat(last).extracting(History.HistoryEntry::actor).containsOnly(manager);
        assertThat(last.get(1).action()).isEqualTo("Target amended");
        assertThat(last.get(1).detail())
                .isEqualTo("Volume dispensed (Total): At least " + Formats.number(first, Locale.ENGLISH)
                        + " → At least " + Formats.number(first.add(BigDecimal.ONE), Locale.ENGLISH));
        assertThat(last.get(2).action()).isEqualTo("Target withdrawn");

        // withdrawn: the dashboard shows no target, the target's page its history
        Page card = page("/reports", "en").indicator(CODE);
        assertThat(card.has("no-target")).isTrue();
        assertThat(card.has("target-met") || card.has("target-not-met")).isFalse();
        Page targetPage = page("/reports/targets/" + CODE, "vi");
        assertThat(targetPage.text("target-withdrawn")).isEqualTo("Đã rút");
        assertThat(targetPage.html()).contains("the ward closed", "Rút chỉ tiêu");
    }

    @Test
    void aTargetWithoutAReasonIsRefusedBesideItsFieldAndNothingChanges() throws Exception {
        List<TargetView> before = targets.of(CODE);
        String html = mvc.perform(post("/reports/targets/" + CODE)
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf())
                        .param("lang", "en")
                        .param("breakdown", "")
                        .param("value", "400")
                        .param("direction", "AT_LEAST")
                        .param("reason", " "))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Page page = new Page(html);
        assertThat(page.has("error-reason")).isTrue();
        assertThat(page.attr("target-value-input", "value")).isEqualTo("400");
        assertThat(targets.of(CODE)).isEqualTo(before);

        mvc.perform(put("/api/v1/reports/targets/" + CODE)
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":-1,\"direction\":\"AT_LEAST\",\"reason\":\"why not\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0]").value("value"));
        mvc.perform(put("/api/v1/reports/targets/" + CODE)
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"breakdown\":\"MARS\",\"value\":1,\"direction\":\"AT_LEAST\",\"reason\":\"why\"}"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.code").value("reporting.target.breakdown.unknown"));
        mvc.perform(put("/api/v1/reports/targets/NO_SUCH_INDICATOR")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":1,\"direction\":\"AT_LEAST\",\"reason\":\"why\"}"))
                .andExpect(status().isNotFound());
        assertThat(targets.of(CODE)).isEqualTo(before);
    }

    @Test
    void anUnreadableOrFutureMonthIsSaidInTheReadersLanguage() throws Exception {
        String html = mvc.perform(get("/reports")
                        .param("month", "2026-13")
                        .param("lang", "vi")
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(new Page(html).text("month-error"))
                .isEqualTo("“2026-13” không phải là một tháng: hãy viết theo dạng yyyy-MM.");
        mvc.perform(get("/api/v1/reports/months/" + YearMonth.now(clock).plusMonths(1))
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.code").value("reporting.month.future"));
        mvc.perform(get("/api/v1/reports/months/soon").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.code").value("reporting.month.invalid"));
    }

    @Test
    void onlyTheManagerChangesTargets() throws Exception {
        mvc.perform(put("/api/v1/reports/targets/" + CODE)
                        .with(httpBasic(dispenser, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":1,\"direction\":\"AT_LEAST\",\"reason\":\"why\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/reports").with(httpBasic(dispenser, Staff.PASSWORD))).andExpect(status().isForbidden());
    }
}
