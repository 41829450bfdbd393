package org.openmilkbank.shared.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PageErrorHandlingTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anUnknownRecordShowsTheNotFoundPageWithNavigationNotAServerError() throws Exception {
        mvc.perform(get("/pools/" + UUID.randomUUID()).with(user("lab").roles("LAB_TECHNICIAN")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("data-testid=\"not-found-message\"")))
                .andExpect(content().string(containsString("href=\"/pools\"")));
    }

    @Test
    void aPageOutsideTheRoleIsAFriendlyForbiddenPage() throws Exception {
        mvc.perform(get("/admin/users").with(user("nurse").roles("NURSE")).accept("text/html"))
                .andExpect(status().isForbidden());
    }
}
