package org.openmilkbank.standards.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.BankProfiles;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.openmilkbank.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** An administrator derives and edits the bank's own profile on its page and through the API; others only read. */
@IntegrationTest
@Import(TestClock.Configuration.class)
class BankProfilePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Standards standards;

    @Autowired
    BankProfiles bankProfiles;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Clock clock;

    private static String newCode() {
        return "OWN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private String today() {
        return LocalDate.now(clock).toString();
    }

    @Test
    void theAdministratorDerivesAProfileOnThePage() throws Exception {
        String code = newCode();
        mvc.perform(post("/standards/profiles")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("from", "NICE")
                        .param("code", code)
                        .param("name", "Our bank")
                        .param("description", "NICE with our own numbers"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/standards/profiles/" + code));

        assertThat(standards.profile(code).derivedFrom()).contains("NICE");
    }

    @Test
    void aRefusedDerivationRedrawsThePageWithTheReasonOnTheField() throws Exception {
        mvc.perform(post("/standards/profiles")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("from", "NICE")
                        .param("code", "NICE")
                        .param("name", "Copy"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("derivation", "code"))
                .andExpect(content().string(containsString("value=\"Copy\"")));
    }

    @Test
    void theProfilePageShowsTheBankBesideTheStandardAndMarksWhereTheyDiffer() throws Exception {
        String code = newCode();
        Staff.as("admin", Role.ADMIN, () -> {
            bankProfiles.derive(code, "Our bank", "", "NICE");
            bankProfiles.change(code, "pool.max-donors", "3", LocalDate.now(clock), "multi-donor pools validated");
            bankProfiles.change(
                    code, "thawed.life-hours", "12", LocalDate.now(clock).plusDays(3), "ward asked for shorter");
        });

        mvc.perform(get("/standards/profiles/" + code).with(user("nurse").roles("NURSE")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("data-testid=\"parameter-pool.max-donors\" data-differs=\"true\"")))
                .andExpect(content()
                        .string(containsString("data-testid=\"parameter-holder.minutes\" data-differs=\"false\"")))
                .andExpect(content().string(containsString("multi-donor pools validated")))
                .andExpect(content().string(containsString("Scheduled from")))
                .andExpect(content().string(not(containsString("data-testid=\"change-form\""))));
    }

    @Test
    void aBadValueIsRefusedBesideTheFieldAndNothingChanges() throws Exception {
        String code = newCode();
        Staff.as("admin", Role.ADMIN, () -> bankProfiles.derive(code, "Our bank", "", "NICE"));

        mvc.perform(post("/standards/profiles/" + code + "/parameters")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("key", "holder.temperature-c")
                        .param("value", "40")
                        .param("effectiveFrom", today())
                        .param("reason", "typo"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("change", "value"))
                .andExpect(content().string(containsString("outside the sensible range")));

        mvc.perform(post("/standards/profiles/" + code + "/parameters")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("key", "holder.temperature-c")
                        .param("value", "63")
                        .param("effectiveFrom", today())
                        .param("reason", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("change", "reason"));

        assertThat(bankProfiles.changes(code)).isEmpty();
    }

    @Test
    void theAdministratorChangesARuleOnThePage() throws Exception {
        String code = newCode();
        Staff.as("admin", Role.ADMIN, () -> bankProfiles.derive(code, "Our bank", "", "NICE"));

        mvc.perform(post("/standards/profiles/" + code + "/parameters")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("key", "holder.minutes")
                        .param("value", "32")
                        .param("effectiveFrom", today())
                        .param("reason", "our pasteuriser's validation"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/standards/profiles/" + code));

        assertThat(standards.profile(code).holderMinutes()).isEqualTo(32);
    }

    @Test
    void aBuiltInStandardCannotBeChangedOnThePageOrThroughTheApi() throws Exception {
        mvc.perform(post("/standards/profiles/NICE/parameters")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("key", "holder.minutes")
                        .param("value", "35")
                        .param("effectiveFrom", today())
                        .param("reason", "try"))
                .andExpect(status().isUnprocessableContent());
        String admin = Staff.create(identity, Role.ADMIN);
        mvc.perform(post("/api/v1/standards/profiles/NICE/parameters")
                        .with(httpBasic(admin, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"key":"holder.minutes","value":"35","effectiveFrom":"%s","reason":"try"}
                                """.formatted(today())))
                .andExpect(status().isUnprocessableContent());

        assertThat(standards.profile("NICE").holderMinutes()).isEqualTo(30);
    }

    @Test
    void theApiDerivesAndChangesForAnAdministratorOnly() throws Exception {
        String admin = Staff.create(identity, Role.ADMIN);
        String manager = Staff.create(identity, Role.MANAGER);
        String code = newCode();
        String derivation = """
                {"code":"%s","name":"Our bank","description":"","from":"HMBANA"}
                """.formatted(code);

        mvc.perform(post("/api/v1/standards/profiles")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(derivation))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/standards/profiles")
                        .with(httpBasic(admin, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(derivation))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.derivedFrom").value("HMBANA"));

        String change = """
                {"key":"post-culture.max-cfu","value":"5","effectiveFrom":"%s","reason":"stricter"}
                """.formatted(LocalDate.now(clock).plusDays(1));
        mvc.perform(post("/api/v1/standards/profiles/" + code + "/parameters")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/standards/profiles/" + code + "/parameters")
                        .with(httpBasic(admin, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scheduled").value(true));

        mvc.perform(get("/api/v1/standards/profiles/" + code + "/comparison").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.key == 'post-culture.max-cfu')].value").value("0"))
                .andExpect(jsonPath("$[?(@.key == 'post-culture.max-cfu')].changes[0].value")
                        .value("5"));
        assertThat(bankProfiles.changes(code)).hasSize(1);
    }
}
