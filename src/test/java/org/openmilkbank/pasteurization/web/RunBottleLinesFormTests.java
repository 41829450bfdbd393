package org.openmilkbank.pasteurization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openmilkbank.pasteurization.BottleLine;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.processing.PoolVolumes;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.ProcessingFixtures.Technicians;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The run form takes lines of bottles of several sizes and keeps them as typed when refused; the pool page closes. */
@IntegrationTest
class RunBottleLinesFormTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    PoolVolumes volumes;

    static MockHttpServletRequestBuilder runForm(PoolView pool) {
        LocalDateTime end = LocalDateTime.now().minusMinutes(20).truncatedTo(ChronoUnit.MINUTES);
        return post("/runs")
                .param("poolId", pool.id().toString())
                .param("device", "PAST-2")
                .param("startedAt", end.minusMinutes(70).toString())
                .param("endedAt", end.toString())
                .param("holdTemperatureC", "62.5")
                .param("holdMinutes", "30")
                .param("method", "HOLDER")
                .with(csrf());
    }

    @Test
    void severalBottleLinesMoreThanThePoolHoldsComeBackAsTypedWithTheNumbers() throws Exception {
        Technicians techs = Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 1000);

        mvc.perform(runForm(pool)
                        .param("bottleCount", "20", "10", "")
                        .param("bottleVolumeMl", "50", "100", "")
                        .param("sampledMl", "5")
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("runForm", "bottleCount"))
                .andExpect(content().string(containsString("data-testid=\"error-bottleCount\"")))
                .andExpect(content().string(containsString("2,005 mL")))
                .andExpect(content().string(containsString("id=\"bottleCount\" value=\"20\"")))
                .andExpect(content().string(containsString("id=\"bottleVolumeMl\" value=\"50\"")))
                .andExpect(content().string(containsString("id=\"bottleCount1\" value=\"10\"")))
                .andExpect(content().string(containsString("id=\"bottleVolumeMl1\" value=\"100\"")))
                .andExpect(content().string(containsString("value=\"PAST-2\"")));
        assertThat(runs.runsOfPool(pool.id())).isEmpty();
        assertThat(volumes.of(pool.id()).leftMl()).isEqualTo(1000);
    }

    @Test
    void aLineWithoutItsVolumeIsRefusedBesideTheVolumes() throws Exception {
        Technicians techs = Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 1000);

        mvc.perform(runForm(pool)
                        .param("bottleCount", "2", "3")
                        .param("bottleVolumeMl", "100", "")
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("runForm", "bottleVolumeMl"))
                .andExpect(content().string(containsString("id=\"bottleCount1\" value=\"3\"")));
        assertThat(runs.runsOfPool(pool.id())).isEmpty();
    }

    @Test
    void twoSizesAreRecordedAndThePoolPageShowsTheAccountAndClosesTheRest() throws Exception {
        Technicians techs = Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 1000);
        var tech = user(techs.recorder()).roles("LAB_TECHNICIAN");

        mvc.perform(get("/runs/new").param("pool", pool.id().toString()).with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"bottle-line-2\"")))
                .andExpect(content().string(containsString("data-testid=\"pool-left\"")));
        mvc.perform(runForm(pool)
                        .param("bottleCount", "4", "", "3")
                        .param("bottleVolumeMl", "50", "", "100")
                        .with(tech))
                .andExpect(status().is3xxRedirection());
        RunView run = runs.runsOfPool(pool.id()).get(0);
        assertThat(run.bottles()).containsExactly(new BottleLine(50, 4), new BottleLine(100, 3));

        mvc.perform(get("/pools/" + pool.id()).with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"pool-volume\"")))
                .andExpect(content().string(containsString("data-testid=\"volume-left\">500<")))
                .andExpect(content().string(containsString("data-testid=\"close-form\"")));

        mvc.perform(post("/pools/" + pool.id() + "/close")
                        .param("reason", "OTHER")
                        .param("note", "")
                        .with(csrf())
                        .with(tech))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("closeForm", "note"));
        mvc.perform(post("/pools/" + pool.id() + "/close")
                        .param("reason", "SPILLED")
                        .with(csrf())
                        .with(tech))
                .andExpect(status().is3xxRedirection());
        assertThat(volumes.of(pool.id()).discardedMl()).isEqualTo(500);
        assertThat(context.getBean(org.openmilkbank.processing.PoolManagement.class)
                        .find(pool.id())
                        .orElseThrow()
                        .state())
                .isEqualTo(PoolState.PASTEURISED);
    }
}
