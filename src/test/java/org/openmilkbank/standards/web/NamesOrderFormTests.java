package org.openmilkbank.standards.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** An administrator chooses on the standard page the order the bank shows names in. */
@IntegrationTest
class NamesOrderFormTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Standards standards;

    private NameOrder before;

    @AfterEach
    void putBack() {
        if (before != null && standards.activeProfile().namesOrder() != before) {
            Staff.asSystem(() -> standards.chooseNamesOrder(before, "test puts the bank's order back"));
        }
    }

    @Test
    void theAdministratorChoosesFamilyNameFirstWithAReason() throws Exception {
        before = standards.activeProfile().namesOrder();
        NameOrder other = before == NameOrder.FAMILY_FIRST ? NameOrder.GIVEN_FIRST : NameOrder.FAMILY_FIRST;

        mvc.perform(post("/standards/names-order")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("order", other.name())
                        .param("reason", "the bank's staff write family names first"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/standards"));

        assertThat(standards.activeProfile().namesOrder()).isEqualTo(other);
    }

    @Test
    void withoutAReasonNothingChangesAndTheChoiceIsKept() throws Exception {
        before = standards.activeProfile().namesOrder();
        NameOrder other = before == NameOrder.FAMILY_FIRST ? NameOrder.GIVEN_FIRST : NameOrder.FAMILY_FIRST;

        mvc.perform(post("/standards/names-order")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("order", other.name())
                        .param("reason", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("namesOrder", "reason"))
                .andExpect(content().string(containsString("value=\"" + other.name() + "\" selected=\"selected\"")));

        assertThat(standards.activeProfile().namesOrder()).isEqualTo(before);
    }

    @Test
    void onlyAnAdministratorChoosesIt() throws Exception {
        mvc.perform(post("/standards/names-order")
                        .with(user("manager").roles("MANAGER"))
                        .with(csrf())
                        .param("order", "FAMILY_FIRST")
                        .param("reason", "try"))
                .andExpect(status().isForbidden());
    }
}
