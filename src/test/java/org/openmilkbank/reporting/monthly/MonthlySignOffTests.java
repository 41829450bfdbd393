package org.openmilkbank.reporting.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Signatures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The manager signs a month's report with her password, attesting its numbers as computed then (their digest
 * kept); a wrong password records nothing; a correction is a new sign-off with a reason that supersedes the
 * earlier, both kept. Each test signs a month of its own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlySignOffTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    SignOffs signOffs;

    @Autowired
    Signatures signatures;

    @Autowired
    Clock clock;

    String manager;
    String admin;

    @BeforeAll
    void staff() {
        IdentityManagement identity = context.getBean(IdentityManagement.class);
        manager = Staff.create(identity, Role.MANAGER);
        admin = Staff.create(identity, Role.ADMIN);
    }

    YearMonth monthsAgo(int n) {
        return YearMonth.now(clock).minusMonths(n);
    }

    org.springframework.test.web.servlet.ResultActions sign(YearMonth month, String password, String reason)
            throws Exception {
        return mvc.perform(post("/api/v1/reports/monthly/" + month + "/sign-off")
                .with(httpBasic(manager, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        reason == null
                                ? "{\"signaturePassword\":\"%s\"}".formatted(password)
                                : "{\"signaturePassword\":\"%s\",\"reason\":\"%s\"}".formatted(password, reason)));
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsRecorded() throws Exception {
        YearMonth month = monthsAgo(5);
        sign(month, "not-her-password", null)
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.code").value("signature.password.wrong"));
        assertThat(signOffs.of(month)).isEmpty();
        assertThat(signatures.of(SignOffs.RECORD_TYPE, month.toString())).isEmpty();
        assertThat(signOffs.history(month)).isEmpty();

        // the page draws the form again with the reason beside the password
        String html = mvc.perform(post("/reports/monthly/" + month + "/sign-off")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf())
                        .param("lang", "en")
                        .param("signaturePassword", "wrong-again"))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(new Page(html).has("error-signaturePassword")).isTrue();
        assertThat(signOffs.of(month)).isEmpty();
    }

    @Test
    void theManagerSignsTheMonthsNumbersAsComputedAndTheirDigestIsKept() throws Exception {
        YearMonth month = monthsAgo(4);
        sign(month, Staff.PASSWORD, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signedBy").value(manager))
                .andExpect(jsonPath("$.supersedes").doesNotExist())
                .andExpect(jsonPath("$.digest").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")));
        SignOffView signed = signOffs.inForce(month);
        MonthView now = context.getBean(MonthlyDashboard.class).month(month);
        assertThat(signed.digest()).isEqualTo(SignedNumbers.of(now).digest());
        assertThat(signOffs.stillAsSigned(signed, now)).isTrue();
        var signature = signatures.of(SignOffs.RECORD_TYPE, month.toString());
        assertThat(signature).singleElement().satisfies(s -> {
            assertThat(s.username()).isEqualTo(manager);
            assertThat(s.id()).isEqualTo(signed.signatureId());
            assertThat(s.meaning().key()).isEqualTo("reporting.signOff.meaning");
            assertThat(s.attestations())
                    .extracting(a -> a.key())
                    .containsExactly(
                            "reporting.signOff.attest.numbers",
                            "reporting.signOff.attest.profile",
                            "reporting.signOff.attest.digest");
        });
        assertThat(signOffs.history(month)).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo("Monthly report signed off");
            assertThat(h.actor()).isEqualTo(manager);
        });

        String html = mvc.perform(get("/reports/monthly").param("lang", "en").with(httpBasic(admin, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Page row = new Page(html).part("data-month=\"" + month + "\"", "</tr>");
        assertThat(row.text("month-state")).startsWith("✓ Signed by " + manager);
    }

    @Test
    void aCorrectionNeedsAReasonAndSupersedesTheEarlierSignOffWhichIsKept() throws Exception {
        YearMonth month = monthsAgo(3);
        sign(month, Staff.PASSWORD, null).andExpect(status().isOk());
        SignOffView first = signOffs.inForce(month);

        sign(month, Staff.PASSWORD, null)
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.code").value("reporting.signOff.reasonRequired"));
        assertThat(signOffs.of(month)).hasSize(1);
        assertThat(signatures.of(SignOffs.RECORD_TYPE, month.toString())).hasSize(1);

        sign(month, Staff.PASSWORD, "a late dispense was recorded")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supersedes").value(first.id().toString()))
                .andExpect(jsonPath("$.reason").value("a late dispense was recorded"));
        List<SignOffView> all = signOffs.of(month);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).id()).isEqualTo(first.id());
        assertThat(all.get(0).inForce()).isFalse();
        assertThat(all.get(0).supersededBy()).isEqualTo(all.get(1).id());
        assertThat(all.get(1).inForce()).isTrue();
        assertThat(signatures.of(SignOffs.RECORD_TYPE, month.toString()))
                .extracting(s -> s.meaning().key())
                .containsExactly("reporting.signOff.meaning", "reporting.signOff.meaning.correction");
        assertThat(signOffs.history(month).get(1).reason()).isEqualTo("a late dispense was recorded");

        mvc.perform(get("/api/v1/reports/monthly/" + month + "/sign-offs").with(httpBasic(admin, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signOffs.length()").value(2))
                .andExpect(jsonPath("$.signOffs[0].supersededBy")
                        .value(all.get(1).id().toString()));
    }

    @Test
    void aChangedNumberIsSeenAgainstTheSignature() throws Exception {
        YearMonth month = monthsAgo(2);
        sign(month, Staff.PASSWORD, null).andExpect(status().isOk());
        SignOffView signed = signOffs.inForce(month);
        MonthlyDashboard dashboard = context.getBean(MonthlyDashboard.class);
        assertThat(signOffs.stillAsSigned(signed, dashboard.month(month))).isTrue();

        // the targets are part of what she signed: a new target changes the report
        Targets targets = context.getBean(Targets.class);
        BigDecimal value = new BigDecimal("987.654");
        Staff.as(
                manager,
                Role.MANAGER,
                () -> targets.set(
                        "VOLUME_DISPENSED", new TargetForm(null, value, TargetDirection.AT_LEAST, "new plan")));
        assertThat(signOffs.stillAsSigned(signed, dashboard.month(month))).isFalse();
        String html = mvc.perform(
                        get("/reports/monthly/" + month).param("lang", "en").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(new Page(html).has("changed-since-signed")).isTrue();
    }

    @Test
    void aMonthIsSignedOnlyOnceItIsOver() {
        YearMonth now = YearMonth.now(clock);
        assertThatThrownBy(() -> Staff.as(
                        manager, Role.MANAGER, () -> signOffs.sign(now, new SignOffForm(Staff.PASSWORD, null))))
                .isInstanceOf(RuleViolation.class)
                .hasFieldOrPropertyWithValue("code", "reporting.signOff.notOver");
        assertThat(signOffs.of(now)).isEmpty();
    }

    @Test
    void theAdministratorReadsButDoesNotSign() throws Exception {
        mvc.perform(post("/api/v1/reports/monthly/" + monthsAgo(6) + "/sign-off")
                        .with(httpBasic(admin, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signaturePassword\":\"%s\"}".formatted(Staff.PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(signOffs.of(monthsAgo(6))).isEmpty();
    }
}
