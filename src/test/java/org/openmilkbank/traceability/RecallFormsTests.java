package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The recall page's forms keep what the manager typed and chose, and say beside each field why it was refused. */
@IntegrationTest
class RecallFormsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Recalls recalls;

    @Autowired
    IdentityManagement identity;

    private String openRecall(String manager) {
        RecallFixture.Made made = RecallFixture.poolWithADispensedBottle(context);
        AtomicReference<String> code = new AtomicReference<>();
        Staff.as(
                manager,
                Role.MANAGER,
                () -> code.set(recalls.open(RecallSource.unit(made.poolDin()), "test recall")
                        .code()));
        return code.get();
    }

    @Test
    void waivingATaskWithoutAReasonIsRefusedBesideThatTasksNoteAndMarksNothing() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        String code = openRecall(manager);
        RecallCase.Task task = recalls.find(code).tasks().get(0);

        mvc.perform(post("/recalls/" + code + "/tasks/" + task.id() + "/waive")
                        .with(user(manager).roles("MANAGER"))
                        .with(csrf())
                        .param("note", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("taskNote", "note"))
                .andExpect(content().string(containsString("data-testid=\"error-note\"")));
        assertThat(recalls.find(code).tasks().get(0).status()).isEqualTo(RecallCase.TaskStatus.OPEN);
    }

    @Test
    void closingWithTasksOpenKeepsTheSummaryAndEachChosenOutcome() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        String code = openRecall(manager);
        RecallCase recall = recalls.find(code);
        var held = recall.holds().stream()
                .filter(h -> h.active() && h.unitId() != null)
                .findFirst()
                .orElseThrow();

        String html = mvc.perform(post("/recalls/" + code + "/close")
                        .with(user(manager).roles("MANAGER"))
                        .with(csrf())
                        .param("summary", "Bottles from the pool were found and kept apart.")
                        .param("outcome[" + held.unitId() + "]", "RELEASED"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-testid=\"form-errors\"")))
                .andExpect(
                        content().string(containsString("Bottles from the pool were found and kept apart.</textarea>")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the unit's select still says what she chose
        assertThat(Pattern.compile("name=\"outcome\\[" + held.unitId()
                                + "\\]\"[^>]*>\\s*<option value=\"DISCARDED\"[^>]*>[^<]*</option>\\s*"
                                + "<option value=\"RELEASED\" selected=\"selected\"")
                        .matcher(html)
                        .find())
                .isTrue();
        assertThat(recalls.find(code).status()).isEqualTo(RecallCase.Status.OPEN);
    }

    @Test
    void closingWithoutASummaryIsRefusedBesideTheSummary() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        String code = openRecall(manager);

        mvc.perform(post("/recalls/" + code + "/close")
                        .with(user(manager).roles("MANAGER"))
                        .with(csrf())
                        .param("summary", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("closing", "summary"))
                .andExpect(content().string(containsString("data-testid=\"error-summary\"")));
    }
}
