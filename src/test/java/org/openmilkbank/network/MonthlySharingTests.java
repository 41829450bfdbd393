package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.reporting.monthly.SignOffForm;
import org.openmilkbank.reporting.monthly.SignOffs;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A bank shares its month with the hub when the manager signs the month's report, or when she shares it by hand. */
@IntegrationTest
class MonthlySharingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    SignOffs signOffs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private long entriesFor(YearMonth month) {
        return jdbc.sql("""
                        select count(*) from network_outbox
                        where payload ->> 'kind' = 'indicators' and payload ->> 'month' = ?
                        """).param(month.toString()).query(Long.class).single();
    }

    @Test
    void signingTheMonthsReportSharesTheMonthInTheSameTransaction() {
        YearMonth month = YearMonth.now(clock).minusMonths(7);
        String manager = Staff.create(identity, Role.MANAGER);
        long before = entriesFor(month);

        Staff.as(manager, Role.MANAGER, () -> signOffs.sign(month, new SignOffForm(Staff.PASSWORD, null)));
        assertThat(entriesFor(month)).isEqualTo(before + 1);

        // a sign-off refused (a wrong password) shares nothing
        YearMonth other = month.minusMonths(1);
        long otherBefore = entriesFor(other);
        try {
            Staff.as(manager, Role.MANAGER, () -> signOffs.sign(other, new SignOffForm("not-her-password", null)));
        } catch (RuntimeException refused) {
            // expected: the signature is refused
        }
        assertThat(entriesFor(other)).isEqualTo(otherBefore);
    }

    @Test
    void theManagerSharesTheMonthSoFarByHandButNotAMonthToCome() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        YearMonth now = YearMonth.now(clock);
        long before = entriesFor(now);

        mvc.perform(post("/api/v1/network/indicators")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"month\":\"" + now + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value(now.toString()));
        assertThat(entriesFor(now)).isEqualTo(before + 1);

        YearMonth next = now.plusMonths(1);
        mvc.perform(post("/api/v1/network/indicators")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"month\":\"" + next + "\"}"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.code").value("network.share.future"));
        assertThat(entriesFor(next)).isZero();

        String nurse = Staff.create(identity, Role.NURSE);
        mvc.perform(post("/api/v1/network/indicators")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"month\":\"" + now + "\"}"))
                .andExpect(status().isForbidden());
        assertThat(entriesFor(now)).isEqualTo(before + 1);
    }
}
