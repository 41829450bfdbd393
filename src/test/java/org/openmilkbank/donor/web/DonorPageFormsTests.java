package org.openmilkbank.donor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.QuestionView;
import org.openmilkbank.donor.ScreeningView;
import org.openmilkbank.donor.SerologyView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The donor page's forms: one blood sample for the whole panel, a signed screening approval, what was typed kept. */
@IntegrationTest
class DonorPageFormsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Clock clock;

    String coordinator;
    LocalDate today;
    DonorView donor;

    @BeforeEach
    void aDonor() {
        coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        today = LocalDate.now(clock);
        Staff.as(coordinator, Role.DONOR_COORDINATOR, () -> donor = DonorFixtures.registeredDonor(donors));
    }

    private MockHttpServletRequestBuilder asCoordinator(MockHttpServletRequestBuilder request) {
        return request.with(csrf()).with(user(coordinator).roles("DONOR_COORDINATOR"));
    }

    @Test
    void oneSubmitRecordsEveryOutcomeOfOneSampleAndATestLeftBlankIsNotRecorded() throws Exception {
        List<String> panel = standards.activeProfile().serologyPanel();
        var request = asCoordinator(post("/donors/" + donor.id() + "/serology"))
                .param("sampleDate", today.minusDays(1).toString())
                .param("labReference", "LAB-2026-17");
        for (String test : panel.subList(0, panel.size() - 1)) {
            request.param("outcomes[" + test + "]", "NEGATIVE");
        }
        request.param("outcomes[" + panel.get(panel.size() - 1) + "]", "");
        mvc.perform(request).andExpect(redirectedUrl("/donors/" + donor.id()));

        List<SerologyView> recorded = donors.serology(donor.id());
        assertThat(recorded).hasSize(panel.size() - 1);
        assertThat(recorded).allSatisfy(r -> {
            assertThat(r.sampleDate()).isEqualTo(today.minusDays(1));
            assertThat(r.labReference()).isEqualTo("LAB-2026-17");
        });
        assertThat(recorded)
                .extracting(SerologyView::test)
                .containsExactlyInAnyOrderElementsOf(panel.subList(0, panel.size() - 1));
    }

    @Test
    void aRefusedSampleRecordsNoneAndRedrawsTheOutcomesAsTyped() throws Exception {
        List<String> panel = standards.activeProfile().serologyPanel();
        var request = asCoordinator(post("/donors/" + donor.id() + "/serology"))
                .param("sampleDate", today.plusDays(1).toString())
                .param("labReference", "LAB-FUTURE");
        for (String test : panel) {
            request.param("outcomes[" + test + "]", test.equals(panel.get(0)) ? "POSITIVE" : "NEGATIVE");
        }
        String page = mvc.perform(request)
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("serologyForm", "sampleDate"))
                .andExpect(content().string(containsString("data-testid=\"error-sampleDate\"")))
                .andExpect(content().string(containsString("value=\"LAB-FUTURE\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(donors.serology(donor.id())).isEmpty();
        String form = page.substring(page.indexOf("data-testid=\"serology-form\""));
        form = form.substring(0, form.indexOf("</form>"));
        assertThat(form.split("value=\"NEGATIVE\" selected=\"selected\"", -1)).hasSize(panel.size());
        assertThat(form.split("value=\"POSITIVE\" selected=\"selected\"", -1)).hasSize(2);
    }

    @Test
    void aSampleWithNoOutcomeAtAllIsRefused() throws Exception {
        mvc.perform(asCoordinator(post("/donors/" + donor.id() + "/serology")).param("sampleDate", today.toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("serologyForm", "outcomes"));
        assertThat(donors.serology(donor.id())).isEmpty();
    }

    @Test
    void theApiRecordsAPanelAllOrNone() throws Exception {
        List<String> panel = standards.activeProfile().serologyPanel();
        StringBuilder outcomes = new StringBuilder();
        for (String test : panel) {
            outcomes.append(outcomes.isEmpty() ? "" : ",")
                    .append('"')
                    .append(test)
                    .append("\":\"NEGATIVE\"");
        }
        mvc.perform(post("/api/v1/donors/" + donor.id() + "/serology-panels")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sampleDate\":\"" + today.plusDays(3) + "\",\"outcomes\":{" + outcomes + "}}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(donors.serology(donor.id())).isEmpty();
        mvc.perform(post("/api/v1/donors/" + donor.id() + "/serology-panels")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sampleDate\":\"" + today + "\",\"labReference\":\"L-9\",\"outcomes\":{" + outcomes
                                + "}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.length()").value(panel.size()));
        assertThat(donors.serology(donor.id()))
                .hasSize(panel.size())
                .allSatisfy(r -> assertThat(r.sampleDate()).isEqualTo(today));
    }

    @Test
    void aRefusedInterviewKeepsEveryAnswerTyped() throws Exception {
        List<QuestionView> questions = donors.currentQuestionnaire().questions();
        var request = asCoordinator(post("/donors/" + donor.id() + "/screening"))
                .param("interviewedOn", today.plusDays(2).toString())
                .param("mode", "PHONE");
        for (QuestionView q : questions) {
            request.param("answers[" + q.code() + "]", q.harmlessAnswer());
        }
        String page = mvc.perform(request)
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("interview", "interviewedOn"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(donors.screenings(donor.id())).isEmpty();
        String form = page.substring(page.indexOf("data-testid=\"screening-form\""));
        form = form.substring(0, form.indexOf("</form>"));
        assertThat(form).contains("value=\"PHONE\" selected=\"selected\"");
        for (QuestionView q : questions) {
            String answer = "value=\"" + q.harmlessAnswer() + "\"";
            int at = form.indexOf("name=\"answers[" + q.code() + "]\"");
            assertThat(at).as(q.code()).isNotNegative();
            String input =
                    form.substring(at, form.indexOf(q.answerType().name().equals("YES_NO") ? "</select>" : ">", at));
            assertThat(input)
                    .as(q.code())
                    .contains(q.answerType().name().equals("YES_NO") ? answer + " selected=\"selected\"" : answer);
        }
    }

    @Test
    void theApproverSignsWithHerPasswordAndTheSignatureIsShownWithWhatSheAttested() throws Exception {
        var recorded = new java.util.concurrent.atomic.AtomicReference<ScreeningView>();
        Staff.as(
                coordinator,
                Role.DONOR_COORDINATOR,
                () -> recorded.set(donors.recordScreening(donor.id(), DonorFixtures.harmlessInterview(donors, today))));
        ScreeningView screening = recorded.get();
        String approver = Staff.create(identity, Role.DONOR_COORDINATOR);
        String approve = "/donors/" + donor.id() + "/screening/" + screening.id() + "/approve";

        mvc.perform(post(approve)
                        .with(csrf())
                        .with(user(approver).roles("DONOR_COORDINATOR"))
                        .param("signaturePassword", "not-her-password"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("approval", "signaturePassword"))
                .andExpect(content().string(containsString("data-testid=\"error-signaturePassword\"")))
                .andExpect(content().string(containsString("I reviewed every answer with the donor.")));
        assertThat(donors.screenings(donor.id()).get(0).firstApprovedBy()).isNull();
        assertThat(donors.screeningSignatures(screening.id())).isEmpty();

        mvc.perform(post(approve)
                        .with(csrf())
                        .with(user(approver).roles("DONOR_COORDINATOR"))
                        .param("signaturePassword", Staff.PASSWORD))
                .andExpect(redirectedUrl("/donors/" + donor.id()));
        assertThat(donors.screenings(donor.id()).get(0).firstApprovedBy()).isEqualTo(approver);
        assertThat(donors.screeningSignatures(screening.id())).singleElement().satisfies(s -> {
            assertThat(s.username()).isEqualTo(approver);
            assertThat(s.meaning().key()).isEqualTo(DonorManagement.SCREENING_APPROVAL_MEANING);
            assertThat(s.attestations())
                    .extracting(Said::key)
                    .containsExactly(
                            "donor.attest.reviewedAnswers",
                            "donor.attest.deferringAnswers",
                            "donor.attest.questionnaire");
        });
        mvc.perform(get("/donors/" + donor.id()).with(user(approver).roles("DONOR_COORDINATOR")))
                .andExpect(content().string(containsString("data-testid=\"signatures\"")))
                .andExpect(content().string(containsString("Screening approved")))
                .andExpect(content().string(containsString("Deferring answers: 0")));
    }

    @Test
    void aRefusedDeferralKeepsWhatWasTypedBesideTheReason() throws Exception {
        mvc.perform(asCoordinator(post("/donors/" + donor.id() + "/deferrals"))
                        .param("category", "TATTOO_PIERCING")
                        .param("permanent", "false")
                        .param("startsOn", today.toString())
                        .param("until", today.minusDays(3).toString())
                        .param("reason", "new tattoo"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("deferral", "until"))
                .andExpect(content().string(containsString("value=\"new tattoo\"")))
                .andExpect(content().string(containsString("data-testid=\"error-until\"")));
        assertThat(donors.deferrals(donor.id())).isEmpty();
    }

    @Test
    void theDonorListShowsEachDonorsStatus() throws Exception {
        String name = donor.givenName() + " " + donor.familyName();
        mvc.perform(get("/donors").param("q", name).with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"donor-status\">Applicant</span>")));
        mvc.perform(get("/api/v1/donors").param("q", name).with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(jsonPath("$.items[0].code").value(donor.code()))
                .andExpect(jsonPath("$.items[0].status").value("APPLICANT"));
    }
}
