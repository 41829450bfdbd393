package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.ProcessingFixtures.Technicians;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A typed run waits, manual, for a second person's confirmation before its bottles can be released. */
@IntegrationTest
class ManualRunConfirmationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    ManualRuns manualRuns;

    @Autowired
    History history;

    ResultActions postJson(String url, String who, String body) throws Exception {
        return mvc.perform(post(url)
                .with(httpBasic(who, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    static String password(String p) {
        return "{\"signaturePassword\":\"" + p + "\"}";
    }

    /** A typed run of milk received days ago, its culture read negative, not confirmed by anyone. */
    RunView typedNegativeRun(Technicians techs) {
        PoolView pool = ProcessingFixtures.agedReadyPool(context, techs.recorder(), 200, 200);
        Instant end = ProcessingFixtures.agedReceivedAt().plus(Duration.ofHours(3));
        RunView[] run = new RunView[1];
        Staff.as(techs.recorder(), Role.LAB_TECHNICIAN, () -> {
            run[0] = runs.recordRun(new RunRecord(
                    pool.id(), "PAST-2", end.minus(Duration.ofMinutes(75)), end, new BigDecimal("62.8"), 31, 3, 100));
            runs.recordPostCulture(run[0].id(), 0, null, end.plus(Duration.ofMinutes(5)));
        });
        return runs.find(run[0].id()).orElseThrow();
    }

    @Test
    void anUnconfirmedManualRecordIsShownAwaitingAndItsReleaseIsRefused() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = typedNegativeRun(techs);
        assertThat(run.state()).isEqualTo(RunState.CULTURE_NEGATIVE);
        assertThat(manualRuns.awaitsConfirmation(run.id())).isTrue();

        mvc.perform(get("/runs").with(user("mgr").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Manual record awaiting confirmation")));
        mvc.perform(get("/runs/" + run.id()).with(user(techs.releaser()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-testid=\"run-manual-awaiting\"")))
                .andExpect(content().string(Matchers.containsString("The hold as typed: 62.8 °C · 31 min.")))
                .andExpect(content().string(Matchers.containsString("The bottles: 3 × 100 mL.")));

        postJson("/api/v1/runs/" + run.id() + "/release", techs.releaser(), password(Staff.PASSWORD))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pasteurization.manual.release.unconfirmed"));
        assertThat(runs.find(run.id()).orElseThrow().state()).isEqualTo(RunState.CULTURE_NEGATIVE);
        assertThat(runs.signatures(run.id())).isEmpty();
    }

    @Test
    void theRecorderOrAWrongPasswordConfirmsNothing() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = typedNegativeRun(techs);

        postJson("/api/v1/runs/" + run.id() + "/confirm-manual", techs.recorder(), password(Staff.PASSWORD))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pasteurization.manual.sameTechnician"));
        postJson("/api/v1/runs/" + run.id() + "/confirm-manual", techs.releaser(), password("not-hers-1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("signature.password.wrong"));
        assertThat(manualRuns.awaitsConfirmation(run.id())).isTrue();
        assertThat(manualRuns.signatures(run.id())).isEmpty();
    }

    @Test
    void aSecondPersonConfirmsWithHerPasswordThenTheRunIsReleasedAndHistoryKeepsWhoAndWhen() throws Exception {
        Technicians techs = Technicians.create(context);
        RunView run = typedNegativeRun(techs);

        postJson("/api/v1/runs/" + run.id() + "/confirm-manual", techs.releaser(), password(Staff.PASSWORD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CULTURE_NEGATIVE"));
        assertThat(manualRuns.awaitsConfirmation(run.id())).isFalse();
        assertThat(manualRuns.signatures(run.id())).singleElement().satisfies(s -> {
            assertThat(s.username()).isEqualTo(techs.releaser());
            assertThat(s.meaning().key()).isEqualTo(ManualRuns.CONFIRM_MEANING);
            assertThat(s.attestations()).hasSize(4); // hold, device, one bottle size, no log
        });
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        assertThat(history.of("PasteurisationRun", run.id())).anySatisfy(h -> {
            assertThat(h.action()).isEqualTo("Manual record confirmed");
            assertThat(h.actor()).isEqualTo(techs.releaser());
            assertThat(h.at()).isNotNull();
        });
        org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        postJson("/api/v1/runs/" + run.id() + "/confirm-manual", techs.releaser(), password(Staff.PASSWORD))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pasteurization.manual.alreadyConfirmed"));

        postJson("/api/v1/runs/" + run.id() + "/release", techs.releaser(), password(Staff.PASSWORD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RELEASED"));
        mvc.perform(get("/runs/" + run.id()).with(user("mgr").roles("MANAGER")))
                .andExpect(content().string(Matchers.containsString("Manual record confirmed")))
                .andExpect(
                        content().string(Matchers.not(Matchers.containsString("data-testid=\"run-manual-awaiting\""))));
    }
}
