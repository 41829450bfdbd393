package org.openmilkbank.shared.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Bad input gets a clear 400 naming the field, in the reader's language; never a 500, nothing stored. */
@IntegrationTest
class BadInputTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aNulCharacterInAParameterIsRefused() throws Exception {
        mvc.perform(get("/api/v1/infants").param("q", "a\0b").with(user("n").roles("NURSE")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.input.nul"));
    }

    @Test
    void aNulCharacterInAJsonBodyIsRefused() throws Exception {
        mvc.perform(post("/api/v1/users")
                        .with(user("admin").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"nul\\u0000user\",\"displayName\":\"N\",\"password\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.input.nul"));
    }

    @Test
    void anInvalidLanguageParameterMeansTheDefaultLanguage() throws Exception {
        mvc.perform(get("/login").param("lang", "%%bad##")).andExpect(status().isOk());
        mvc.perform(get("/login").param("lang", "xx-!")).andExpect(status().isOk());
    }

    @Test
    void anInvalidLanguageCookieMeansTheDefaultLanguage() throws Exception {
        mvc.perform(get("/login").cookie(new Cookie("omb-lang", "no_such-locale!!")))
                .andExpect(status().isOk());
    }

    @Test
    void malformedJsonIsAProblemDetail() throws Exception {
        mvc.perform(post("/api/v1/users")
                        .with(user("admin").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("error.input.unreadable"));
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() throws Exception {
        mvc.perform(put("/api/v1/users/{id}/roles", UUID.randomUUID())
                        .with(user("admin").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"KING\"],\"reason\":\"r\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.input.type.enum"))
                .andExpect(jsonPath("$.field").value(startsWith("roles")))
                .andExpect(jsonPath("$.detail").value(containsString("LAB_TECHNICIAN")));
    }

    @Test
    void anImpossibleDateNamesTheFieldInTheReadersLanguage() throws Exception {
        mvc.perform(post("/api/v1/infants/{id}/consent", UUID.randomUUID())
                        .with(user("n").roles("NURSE"))
                        .cookie(new Cookie("omb-lang", "vi"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consentDate\":\"2024-02-30\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.input.type.date"))
                .andExpect(jsonPath("$.field").value("consentDate"))
                .andExpect(jsonPath("$.detail").value(containsString("không phải là ngày có thật")));
    }

    @Test
    void aWrongTypeNamesTheField() throws Exception {
        mvc.perform(post("/api/v1/users")
                        .with(user("admin").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":{\"a\":1},\"displayName\":\"N\",\"password\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("username"));
    }

    @Test
    void aBadUuidInAnApiPathIsA400Problem() throws Exception {
        mvc.perform(get("/api/v1/infants/not-a-uuid").with(user("n").roles("NURSE")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.input.type.uuid"))
                .andExpect(jsonPath("$.field").value("id"));
    }

    @Test
    void aBadUuidInAPagePathIsA400PageNotAServerError() throws Exception {
        mvc.perform(get("/pools/not-a-uuid").with(user("lab").roles("LAB_TECHNICIAN")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("data-testid=\"not-found-message\"")));
    }

    @Autowired
    org.openmilkbank.identity.IdentityManagement identity;

    @Autowired
    org.openmilkbank.identity.ApiTokens tokens;

    /** A refused button with nothing typed (page forms redraw themselves): revoking a token already revoked. */
    private String revokedTokenUrl() {
        String nurse = org.openmilkbank.support.Staff.create(identity, org.openmilkbank.shared.Role.NURSE);
        java.util.UUID id = identity.findByUsername(nurse).orElseThrow().id();
        java.util.UUID[] token = new java.util.UUID[1];
        org.openmilkbank.support.Staff.as(nurse, org.openmilkbank.shared.Role.NURSE, () -> {
            token[0] = tokens.create(id, "script").view().id();
            tokens.revoke(token[0]);
        });
        return "/admin/users/" + id + "/tokens/" + token[0] + "/revoke";
    }

    @Test
    void aRefusedPageActionNeverRedirectsToAnotherSite() throws Exception {
        mvc.perform(post(revokedTokenUrl())
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .header("Referer", "https://evil.example/phish"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aRefusedPageActionReturnsToTheBanksOwnPage() throws Exception {
        mvc.perform(post(revokedTokenUrl())
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .header("Referer", "http://localhost/admin/users?tab=new"))
                .andExpect(redirectedUrl("/admin/users?tab=new"));
    }
}
