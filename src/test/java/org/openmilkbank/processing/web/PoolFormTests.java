package org.openmilkbank.processing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pool pages keep what was scanned and typed: a refused container is named beside the scanned list, which is
 * kept; the culture and discard forms say beside the field what is wrong and change nothing.
 */
@IntegrationTest
class PoolFormTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    PoolManagement pools;

    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor tech = user("tech.forms").roles("LAB_TECHNICIAN");
    RawContainerView first;
    RawContainerView second;

    @BeforeEach
    void twoContainers() {
        DonationView donation = ProcessingFixtures.receivedDonation(context, 2, 120, 80);
        first = donation.containers().get(0);
        second = donation.containers().get(1);
    }

    @Test
    void aScanThatIsRefusedIsNamedBesideTheListAndTheListScannedSoFarIsKept() throws Exception {
        String unknown = "A000126999997";
        mvc.perform(post("/pools/new/scan")
                        .header("HX-Request", "true")
                        .param("dins", first.din(), second.din())
                        .param("scan", unknown)
                        .with(csrf())
                        .with(tech))
                // htmx swaps only a 2xx answer: the list is drawn again in place with the reason
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("pool", "dins"))
                .andExpect(content().string(containsString("data-testid=\"error-dins\"")))
                .andExpect(content().string(containsString("No raw container with DIN")))
                .andExpect(content().string(containsString(Din.parse(unknown).withCheck())))
                .andExpect(content().string(containsString("name=\"dins\" value=\"" + first.din() + "\"")))
                .andExpect(content().string(containsString("name=\"dins\" value=\"" + second.din() + "\"")))
                .andExpect(content().string(not(containsString("value=\"" + unknown + "\""))));
    }

    @Test
    void aPoolWithAContainerTakenMeanwhileIsRefusedBesideTheListKeepingTheTimeTyped() throws Exception {
        Staff.as(
                "tech.other",
                org.openmilkbank.shared.Role.LAB_TECHNICIAN,
                () -> pools.createPoolFromDins(java.util.List.of(second.din()), null));
        int before = count();
        mvc.perform(post("/pools")
                        .param("dins", first.din(), second.din())
                        .param("madeAt", "")
                        .with(csrf())
                        .with(tech))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("pool", "dins"))
                .andExpect(content().string(containsString("data-testid=\"error-dins\"")))
                .andExpect(
                        content().string(containsString(Din.parse(second.din()).withCheck())))
                // the container that is still usable stays on the list
                .andExpect(content().string(containsString("name=\"dins\" value=\"" + first.din() + "\"")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aPoolAwaitingItsCultureLinksToTheLabToTakeASample() throws Exception {
        java.util.concurrent.atomic.AtomicReference<PoolView> made =
                new java.util.concurrent.atomic.AtomicReference<>();
        Staff.as(
                "tech.other",
                org.openmilkbank.shared.Role.LAB_TECHNICIAN,
                () -> made.set(pools.createPoolFromDins(java.util.List.of(first.din(), second.din()), null)));
        PoolView pool = made.get();
        // only a standard that asks for a culture before pasteurisation has the form
        if (pool.state() != PoolState.AWAITING_PRE_CULTURE) {
            return;
        }
        // the culture is the lab's: the pool's page sends the technician to take a sample
        mvc.perform(get("/pools/{id}", pool.id()).with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"pre-culture-take-sample\"")))
                .andExpect(content().string(containsString("/lab/samples/new?unit=")));
        assertThat(pools.find(pool.id()).orElseThrow().state()).isEqualTo(PoolState.AWAITING_PRE_CULTURE);
    }

    @Test
    void aDiscardWithoutAReasonIsRefusedBesideItAndTheCreatedPoolGoesToItsPage() throws Exception {
        String location = mvc.perform(post("/pools")
                        .param("dins", first.din(), second.din())
                        .with(csrf())
                        .with(tech))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/pools/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/pools/".length()));
        PoolState state = pools.find(id).orElseThrow().state();
        mvc.perform(post(location + "/discard")
                        .param("reason", " ")
                        .with(csrf())
                        .with(tech))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("discard", "reason"))
                .andExpect(content().string(containsString("data-testid=\"error-reason\"")));
        assertThat(pools.find(id).orElseThrow().state()).isEqualTo(state);
    }

    private int count() {
        return jdbc.sql("select count(*) from pool").query(Integer.class).single();
    }
}
