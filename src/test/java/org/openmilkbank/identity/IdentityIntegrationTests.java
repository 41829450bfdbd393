package org.openmilkbank.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class IdentityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    StaffUserRepository users;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void firstStartCreatedAnAdminWithAHashedPassword() {
        StaffUser admin = users.findByUsernameIgnoreCase("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.passwordHash()).isNotEqualTo("admin-test-password").startsWith("{bcrypt}");
        assertThat(encoder.matches("admin-test-password", admin.passwordHash())).isTrue();
    }

    @Test
    void pagesNeedASignedInUser() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void loginFormRequiresCsrf() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", "admin-test-password"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login")
                        .param("username", "admin")
                        .param("password", "admin-test-password")
                        .with(csrf()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void adminCreatesAUserThroughTheApiAndOnlyAdminsMay() throws Exception {
        String body = """
                {"username":"nurse.lan","displayName":"Lan","password":"long-enough-1","roles":["NURSE"]}""";
        mvc.perform(post("/api/v1/users")
                        .with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roles[0]").value("NURSE"));

        mvc.perform(get("/api/v1/users").with(httpBasic("nurse.lan", "long-enough-1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDuplicateUsernameIsRefusedWithAClearMessage() throws Exception {
        String body = """
                {"username":"admin","displayName":"Again","password":"long-enough-1","roles":["NURSE"]}""";
        mvc.perform(post("/api/v1/users")
                        .with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Username admin is already taken."));
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        String username = Staff.create(identity, Role.NURSE);
        var account = identity.findByUsername(username).orElseThrow();
        Staff.asSystem(() -> identity.disable(account.id(), "left the ward"));
        mvc.perform(get("/api/v1/standards/active").with(httpBasic(username, Staff.PASSWORD)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theLastAdminCannotBeDisabled() throws Exception {
        var admin = identity.findByUsername("admin").orElseThrow();
        mvc.perform(post("/api/v1/users/" + admin.id() + "/disable")
                        .with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"test\"}"))
                .andExpect(status().isUnprocessableContent());
    }
}
