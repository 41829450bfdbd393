package org.openmilkbank.pasteurization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.ProcessingFixtures.Technicians;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The run forms keep what was typed and say beside each field what is wrong; the release is signed by the second
 * technician with her own password after reading what she attests.
 */
@IntegrationTest
class RunFormsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    PasteurisationManagement runs;

    @Test
    void aWrongPasswordReleasesNothingAndSaysSoBesideThePassword() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.cultureNegativeRun(context, techs, 2, 100);

        mvc.perform(post("/runs/" + run.id() + "/release")
                        .param("signaturePassword", "not-my-password-7")
                        .with(csrf())
                        .with(user(techs.releaser()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("release", "signaturePassword"))
                .andExpect(content().string(containsString("data-testid=\"error-signaturePassword\"")))
                .andExpect(content().string(containsString("The password is not right")))
                .andExpect(content().string(not(containsString("not-my-password-7"))));

        assertThat(runs.find(run.id()).orElseThrow().state()).isEqualTo(RunState.CULTURE_NEGATIVE);
        assertThat(runs.signatures(run.id())).isEmpty();
    }

    @Test
    void theRightPasswordReleasesAndTheRunShowsHerSignatureWithWhatSheAttested() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.cultureNegativeRun(context, techs, 2, 100);
        var releaser = user(techs.releaser()).roles("LAB_TECHNICIAN");

        mvc.perform(get("/runs/" + run.id()).with(releaser))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"attestations\"")))
                .andExpect(content().string(containsString("The post-pasteurisation culture is negative")))
                .andExpect(content().string(containsString("2 bottles are released.")));

        mvc.perform(post("/runs/" + run.id() + "/release")
                        .param("signaturePassword", Staff.PASSWORD)
                        .with(csrf())
                        .with(releaser))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/runs/" + run.id()));

        assertThat(runs.find(run.id()).orElseThrow().state()).isEqualTo(RunState.RELEASED);
        assertThat(runs.signatures(run.id())).singleElement().satisfies(s -> {
            assertThat(s.username()).isEqualTo(techs.releaser());
            assertThat(s.meaning().key()).isEqualTo(PasteurisationManagement.RELEASE_MEANING);
            assertThat(s.attestations()).hasSize(4);
        });
        mvc.perform(get("/runs/" + run.id()).with(user("mgr").roles("MANAGER")))
                .andExpect(content().string(containsString("data-testid=\"signatures\"")))
                .andExpect(content().string(containsString("Released for feeding")));
    }

    @Test
    void theApiReleaseTakesThePasswordInItsBody() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.cultureNegativeRun(context, techs, 1, 100);

        mvc.perform(post("/api/v1/runs/" + run.id() + "/release")
                        .with(httpBasic(techs.releaser(), Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signaturePassword\":\"wrong-password-1\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("signature.password.wrong"));
        assertThat(runs.find(run.id()).orElseThrow().state()).isEqualTo(RunState.CULTURE_NEGATIVE);

        mvc.perform(post("/api/v1/runs/" + run.id() + "/release")
                        .with(httpBasic(techs.releaser(), Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signaturePassword\":\"" + Staff.PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RELEASED"));
        assertThat(runs.signatures(run.id())).hasSize(1);
    }

    @Test
    void aRefusedRunFormComesBackAsTypedWithTheReasonBesideTheField() throws Exception {
        Technicians techs = Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 300);
        LocalDateTime end = LocalDateTime.now().minusMinutes(20).truncatedTo(ChronoUnit.MINUTES);

        mvc.perform(post("/runs")
                        .param("poolId", pool.id().toString())
                        .param("device", "PAST-2")
                        .param("startedAt", end.minusMinutes(40).toString())
                        .param("endedAt", end.toString())
                        .param("holdTemperatureC", "62.5")
                        .param("holdMinutes", "50")
                        .param("bottleCount", "2")
                        .param("bottleVolumeMl", "100")
                        .with(csrf())
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("runForm", "holdMinutes"))
                .andExpect(content().string(containsString("value=\"PAST-2\"")))
                .andExpect(content().string(containsString("data-testid=\"error-holdMinutes\"")));
        assertThat(runs.runsOfPool(pool.id())).isEmpty();
    }

    @Test
    void aCultureSampledInTheFutureIsRefusedBesideTheSampleTime() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.quarantinedRun(context, techs, 1, 100);

        // the run's culture is taken in the lab: a sample time in the future is refused beside it
        mvc.perform(post("/lab/samples")
                        .param("unitCode", runs.runCode(run.id()))
                        .param("purpose", "POST_CULTURE")
                        .param(
                                "takenAt",
                                LocalDateTime.now()
                                        .plusDays(2)
                                        .truncatedTo(ChronoUnit.MINUTES)
                                        .toString())
                        .with(csrf())
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("take", "takenAt"))
                .andExpect(content().string(containsString("data-testid=\"error-takenAt\"")));
        assertThat(runs.find(run.id()).orElseThrow().state()).isEqualTo(RunState.QUARANTINE);
    }

    @Test
    void theApiListsARunsBottlesAPageAtATimeEachDinWithItsCheckCharacter() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = ProcessingFixtures.quarantinedRun(context, techs, 3, 100);

        mvc.perform(get("/api/v1/runs/" + run.id() + "/bottles")
                        .param("size", "2")
                        .with(httpBasic(techs.recorder(), Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.hasNext").value(true))
                .andExpect(jsonPath("$.items[0].din").value(org.hamcrest.Matchers.matchesPattern(".{13}[0-9A-Z*]")))
                .andExpect(jsonPath("$.items[0].state").value("QUARANTINE"));
    }
}
