package org.openmilkbank.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The staff accounts page listed every account at once; now a page at a time, with the total. */
@IntegrationTest
class UserListPagingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Test
    void aSmallPageShowsTheTotalAndALinkToTheNextPage() throws Exception {
        String admin = Staff.create(identity, Role.ADMIN);
        Staff.create(identity, Role.NURSE);
        Staff.create(identity, Role.DISPENSER);
        AtomicInteger counted = new AtomicInteger();
        Staff.asSystem(() -> counted.set(identity.all().size()));
        int total = counted.get();

        String first = page(admin, "1");
        assertThat(first).contains("data-testid=\"pager\"").contains("rel=\"next\"");
        assertThat(first).contains("Showing 1–2 of " + String.format("%,d", total));
        assertThat(first).contains("/admin/users?size=2&amp;page=2");
        assertThat(first).doesNotContain("rel=\"prev\"");

        String last = page(admin, String.valueOf((total + 1) / 2));
        assertThat(last).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    private String page(String admin, String page) throws Exception {
        return mvc.perform(get("/admin/users")
                        .param("size", "2")
                        .param("page", page)
                        .with(httpBasic(admin, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
