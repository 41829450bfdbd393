package org.openmilkbank.inventory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.Din;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** Discarding a bottle without a reason redraws its page with the reason asked for beside the field. */
@IntegrationTest
class BottleDiscardFormTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Inventory inventory;

    @Test
    void aDiscardWithoutAReasonIsRefusedBesideTheReasonAndDiscardsNothing() throws Exception {
        var run = ProcessingFixtures.releasedRun(context, 1, 100);
        BottleView bottle = inventory.bottlesOfRun(run.id()).get(0);
        String din = Din.parse(bottle.din()).withCheck();

        mvc.perform(post("/bottles/" + din + "/discard")
                        .param("reason", " ")
                        .with(csrf())
                        .with(user("tech").roles("LAB_TECHNICIAN")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("discard", "reason"))
                .andExpect(content().string(containsString("data-testid=\"error-reason\"")));
        assertThat(inventory.findByDin(bottle.din()).orElseThrow().state()).isEqualTo(BottleState.RELEASED);
    }
}
