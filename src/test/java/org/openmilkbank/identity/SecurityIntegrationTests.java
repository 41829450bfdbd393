package org.openmilkbank.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

@IntegrationTest
class SecurityIntegrationTests {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-test-password";

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    StaffUserRepository users;

    @Autowired
    ApiTokenRepository tokens;

    @Autowired
    Environment environment;

    // each test signs in from its own address, so one test's failures never lock another's
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String address() {
        UUID id = UUID.randomUUID();
        return "10." + (id.hashCode() & 0x7f) + "." + ((id.hashCode() >> 8) & 0xff) + "."
                + ((id.hashCode() >> 16) & 0xff);
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf())
                        .with(from(address())))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private UUID idOf(String username) {
        return identity.findByUsername(username).orElseThrow().id();
    }

    // 1
    @Test
    void aForgedCrossSitePostToTheApiWithOnlyTheSessionCookieIsRefused() throws Exception {
        MockHttpSession session = signIn(ADMIN, ADMIN_PASSWORD);
        String body = """
                {"username":"forged-%s","displayName":"Forged","password":"forged-but-long-1","roles":["ADMIN"]}""".formatted(UUID.randomUUID().toString().substring(0, 6));

        mvc.perform(post("/api/v1/users")
                        .session(session)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/users")
                        .session(session)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
        assertThat(users.findAll()).noneMatch(u -> u.username().startsWith("forged-"));
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndForwardedHeadersAreHonoured() {
        assertThat(environment.getProperty("server.servlet.session.cookie.same-site"))
                .isEqualToIgnoringCase("lax");
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualToIgnoringCase("native");
    }

    // 2
    @Test
    void aDisabledUsersOpenSessionCanNoLongerCreateAnything() throws Exception {
        String nurse = Staff.create(identity, Role.NURSE);
        MockHttpSession session = signIn(nurse, Staff.PASSWORD);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());

        Staff.asSystem(() -> identity.disable(idOf(nurse), "left the ward"));

        mvc.perform(post("/account/tokens")
                        .param("name", "after")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?expired"));
        assertThat(tokens.findByUserIdOrderByCreatedAtDesc(idOf(nurse))).isEmpty();
        mvc.perform(get("/account").session(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aFragmentAskedForWithoutASessionReloadsItsPageAndIsNotWhereTheNextSignInLands() throws Exception {
        var fragment = mvc.perform(get("/storage/cold/alerts").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Refresh", "true"))
                .andReturn();
        // no session was opened to remember the fragment in, so a sign-in lands on a page, not on a bare slot
        assertThat(fragment.getRequest().getSession(false)).isNull();
        assertThat(fragment.getResponse().getContentAsString()).doesNotContain("password");

        // the page itself still goes to the sign-in, which comes back to it
        var page = mvc.perform(get("/storage/cold"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")))
                .andReturn();
        assertThat(page.getRequest().getSession(false)).isNotNull();
    }

    @Test
    void aFragmentOfAnEndedSessionSendsTheWholePageToTheSignIn() throws Exception {
        String nurse = Staff.create(identity, Role.NURSE);
        MockHttpSession session = signIn(nurse, Staff.PASSWORD);
        Staff.asSystem(() -> identity.disable(idOf(nurse), "left the ward"));

        mvc.perform(get("/storage/cold/alerts").header("HX-Request", "true").session(session))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login?expired"));
    }

    @Test
    void newRolesOrAResetPasswordEndTheOpenSessions() throws Exception {
        String nurse = Staff.create(identity, Role.NURSE);
        MockHttpSession roles = signIn(nurse, Staff.PASSWORD);
        Staff.asSystem(() -> identity.changeRoles(idOf(nurse), Set.of(Role.DISPENSER), "moved to dispensing"));
        mvc.perform(get("/account").session(roles)).andExpect(redirectedUrl("/login?expired"));

        MockHttpSession password = signIn(nurse, Staff.PASSWORD);
        Staff.asSystem(() -> identity.resetPassword(idOf(nurse), "reset-by-admin-77", "forgot it"));
        mvc.perform(get("/account").session(password)).andExpect(redirectedUrl("/login?expired"));
    }

    // 3
    @Test
    @Transactional
    void theLastAdminCannotRemoveHerOwnAdminRole() throws Exception {
        UUID admin = idOf(ADMIN);
        Staff.asSystem(() -> identity.all().stream()
                .filter(u -> u.enabled() && u.roles().contains(Role.ADMIN) && !u.id().equals(admin))
                .forEach(u -> identity.disable(u.id(), "only one admin for this test")));

        mvc.perform(put("/api/v1/users/" + admin + "/roles")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"MANAGER\"],\"reason\":\"step down\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("last active administrator")));
        assertThatThrownBy(() -> identity.changeRoles(admin, Set.of(Role.MANAGER), "again"))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("user.lastAdmin");
        assertThat(identity.find(admin).orElseThrow().roles()).contains(Role.ADMIN);
    }

    // 4
    @Test
    void aPasswordOverSeventyTwoBytesIsAClearRefusalNeverAServerError() throws Exception {
        String lao = "ກ".repeat(25);
        mvc.perform(post("/api/v1/users")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"lao-long\",\"displayName\":\"Long\",\"password\":\"" + lao
                                + "\",\"roles\":[\"NURSE\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("72")));
        mvc.perform(get("/api/v1/account").with(httpBasic(ADMIN, lao)).with(from(address())))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/login")
                        .param("username", ADMIN)
                        .param("password", lao)
                        .with(csrf())
                        .with(from(address())))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void weakPasswordsAreRefusedWithTheirReason() throws Exception {
        for (String weak : new String[] {"short-pw-1", "Password1234", "nurse.weak-2024"}) {
            mvc.perform(post("/api/v1/users")
                            .with(httpBasic(ADMIN, ADMIN_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"nurse.weak\",\"displayName\":\"Weak\",\"password\":\"" + weak
                                    + "\",\"roles\":[\"NURSE\"]}"))
                    .andExpect(status().isUnprocessableContent());
        }
        assertThat(identity.findByUsername("nurse.weak")).isEmpty();
    }

    @Test
    void everyStaffMemberChangesHerOwnPasswordOnThePageAndThroughTheApi() throws Exception {
        String nurse = Staff.create(identity, Role.NURSE);
        MockHttpSession session = signIn(nurse, Staff.PASSWORD);
        mvc.perform(post("/account/password")
                        .param("currentPassword", Staff.PASSWORD)
                        .param("newPassword", "a-fresh-one-for-me")
                        .param("confirmPassword", "a-fresh-one-for-me")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?changed"));
        signIn(nurse, "a-fresh-one-for-me");

        mvc.perform(post("/api/v1/account/password")
                        .with(httpBasic(nurse, "a-fresh-one-for-me"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"a-fresh-one-for-me\",\"newPassword\":\"and-another-one-2\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/account").with(httpBasic(nurse, "and-another-one-2")))
                .andExpect(status().isOk());
    }

    @Test
    void aPasswordSetForSomeoneElseMustBeChangedBeforeAnythingElse() throws Exception {
        // the generated first-admin password takes the same path: createFirstAdmin(password, true)
        String nurse = Staff.create(identity, Role.NURSE);
        Staff.asSystem(() -> identity.resetPassword(idOf(nurse), "given-by-admin-42", "new starter"));

        MockHttpSession session = signIn(nurse, "given-by-admin-42");
        mvc.perform(get("/infants").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/infants").with(httpBasic(nurse, "given-by-admin-42")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("user.password.mustChange"));

        mvc.perform(post("/account/password")
                        .param("currentPassword", "given-by-admin-42")
                        .param("newPassword", "chosen-by-me-42")
                        .param("confirmPassword", "chosen-by-me-42")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?changed"));
        mvc.perform(get("/infants").session(signIn(nurse, "chosen-by-me-42"))).andExpect(status().isOk());
    }

    // 5
    @Test
    void repeatedWrongPasswordsLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
        String nurse = Staff.create(identity, Role.NURSE);
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/account")
                            .with(httpBasic(nurse, "wrong-password-" + i))
                            .with(from(address())))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/account")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .with(from(address())))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/login")
                        .param("username", nurse)
                        .param("password", Staff.PASSWORD)
                        .with(csrf())
                        .with(from(address())))
                .andExpect(redirectedUrl("/login?locked"));

        mvc.perform(get("/api/v1/users/locks").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.username == '" + nurse + "')]").exists());
        mvc.perform(get("/admin/users").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("user-locked")));
        mvc.perform(get("/admin/users/" + idOf(nurse)).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"unlock\"")))
                .andExpect(content().string(containsString("data-testid=\"api-tokens\"")));
        mvc.perform(post("/api/v1/users/" + idOf(nurse) + "/unlock")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"she called the desk\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/account")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .with(from(address())))
                .andExpect(status().isOk());
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddress() throws Exception {
        String address = address();
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/v1/account")
                            .with(httpBasic("nobody-" + i, "wrong-password"))
                            .with(from(address)))
                    .andExpect(status().isUnauthorized());
        }
        String nurse = Staff.create(identity, Role.NURSE);
        mvc.perform(get("/api/v1/account")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .with(from(address)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/account")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .with(from(address())))
                .andExpect(status().isOk());
    }

    // 6
    @Test
    void aPersonalApiTokenActsWithItsOwnersRolesUntilRevoked() throws Exception {
        String nurse = Staff.create(identity, Role.NURSE);
        String answer = mvc.perform(post("/api/v1/account/tokens")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ward tablet\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(answer, "$.token");
        String tokenId = JsonPath.read(answer, "$.view.id");
        assertThat(token).startsWith("omb_");
        assertThat(tokens.findAll()).noneMatch(t -> t.view().prefix().equals(token));
        assertThat(tokens.findById(UUID.fromString(tokenId)).orElseThrow())
                .extracting("tokenHash")
                .isNotEqualTo(token)
                .asString()
                .hasSize(64);

        mvc.perform(get("/api/v1/infants").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/account/tokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("ward tablet"))
                .andExpect(content().string(not(containsString(token))));

        mvc.perform(post("/api/v1/users/tokens/" + tokenId + "/revoke").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/infants").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aStaffMemberCannotRevokeSomeoneElsesToken() throws Exception {
        String nurse = Staff.create(identity, Role.NURSE);
        String other = Staff.create(identity, Role.NURSE);
        String answer = mvc.perform(post("/api/v1/account/tokens")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"mine\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String tokenId = JsonPath.read(answer, "$.view.id");
        mvc.perform(post("/api/v1/account/tokens/" + tokenId + "/revoke").with(httpBasic(other, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(tokens.findById(UUID.fromString(tokenId)).orElseThrow().active())
                .isTrue();
    }

    // 21
    @Test
    void pagesAndApiCarryTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/login", "/api/v1/account"}) {
            mvc.perform(get(path).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                    .andExpect(header().string("Permissions-Policy", containsString("camera=()")))
                    .andExpect(header().doesNotExist("Strict-Transport-Security"));
            mvc.perform(get(path).secure(true).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                    .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
        }
    }

    private static org.springframework.test.web.servlet.result.ContentResultMatchers content() {
        return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content();
    }
}
