package org.openmilkbank.donor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class DonorWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    String coordinator;
    LocalDate today;

    @BeforeEach
    void staff() {
        coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        today = LocalDate.now(clock);
    }

    @Test
    void aCoordinatorRegistersScreensAndChecksADonorThroughTheApi() throws Exception {
        String body = mvc.perform(post("/api/v1/donors")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName":"Lan","familyName":"Tran","birthDate":"1993-04-02","phone":"0912 345 678"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.matchesPattern("D\\d{5}")))
                .andExpect(jsonPath("$.registeredBy").value(coordinator))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(body).get("id").asText();

        mvc.perform(get("/api/v1/donors/" + id + "/eligibility").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eligible").value(false))
                .andExpect(jsonPath("$.status").value("APPLICANT"))
                .andExpect(jsonPath("$.acceptance").value("HOLD"))
                .andExpect(jsonPath("$.reasons[0].code").value("donor.eligibility.notScreened"))
                .andExpect(jsonPath("$.reasons[1].code").value("donor.eligibility.missing"))
                .andExpect(jsonPath("$.reasons[1].message").value("no HIV result recorded"));

        StringBuilder answers = new StringBuilder();
        for (var q : donors.currentQuestionnaire().questions()) {
            answers.append(answers.isEmpty() ? "" : ",")
                    .append('"')
                    .append(q.code())
                    .append("\":\"")
                    .append(q.harmlessAnswer())
                    .append('"');
        }
        String screening = mvc.perform(post("/api/v1/donors/" + id + "/screenings")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"interviewedOn\":\"" + today + "\",\"mode\":\"PHONE\",\"answers\":{" + answers
                                + "}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("AWAITING_APPROVAL"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String screeningId = json.readTree(screening).get("id").asText();
        String manager = Staff.create(identity, Role.MANAGER);
        String signature = "{\"signaturePassword\":\"" + Staff.PASSWORD + "\"}";
        mvc.perform(post("/api/v1/screenings/" + screeningId + "/approve")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(signature))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/screenings/" + screeningId + "/approve")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(signature))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPROVED"));

        for (String test : standards.activeProfile().serologyPanel()) {
            mvc.perform(post("/api/v1/donors/" + id + "/serology")
                            .with(httpBasic(coordinator, Staff.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"test\":\"" + test + "\",\"sampleDate\":\"" + today
                                    + "\",\"outcome\":\"NEGATIVE\",\"labReference\":\"LAB-7\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.outcome").value("NEGATIVE"));
        }
        mvc.perform(get("/api/v1/donors/" + id + "/eligibility")
                        .param("date", today.toString())
                        .with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(jsonPath("$.eligible").value(true))
                .andExpect(jsonPath("$.asOf").value(today.toString()));
        mvc.perform(get("/api/v1/donors/" + id + "/serology").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(jsonPath("$.length()")
                        .value(standards.activeProfile().serologyPanel().size()));
    }

    @Test
    void apiRefusalsAreProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/donors")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"givenName\":\"Lan\",\"familyName\":\"\"}"))
                .andExpect(status().isBadRequest());
        DonorView registered = register();
        mvc.perform(post("/api/v1/donors/" + registered.id() + "/serology")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"test\":\"HIV\",\"sampleDate\":\"" + today.plusDays(3)
                                + "\",\"outcome\":\"NEGATIVE\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("donor.serology.sampleDateInFuture"));
        mvc.perform(get("/api/v1/donors/" + UUID.randomUUID()).with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void correctionAndVoidThroughTheApiNeedAReason() throws Exception {
        DonorView donor = register();
        mvc.perform(put("/api/v1/donors/" + donor.id())
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"givenName\":\"Hoa\",\"familyName\":\"Nguyen\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/donors/" + donor.id())
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"givenName\":\"Hoa\",\"familyName\":\"Nguyen\",\"reason\":\"typo\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.givenName").value("Hoa"));

        String result = mvc.perform(post("/api/v1/donors/" + donor.id() + "/serology")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"test\":\"HIV\",\"sampleDate\":\"" + today + "\",\"outcome\":\"POSITIVE\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String resultId = json.readTree(result).get("id").asText();
        mvc.perform(post("/api/v1/serology/" + resultId + "/void")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/serology/" + resultId + "/void")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"sample mix-up at the lab\"}"))
                .andExpect(status().isNoContent());
        JsonNode serology = json.readTree(mvc.perform(
                        get("/api/v1/donors/" + donor.id() + "/serology").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(serology.get(0).get("voided").asBoolean()).isTrue();
        assertThat(serology.get(0).get("voidReason").asText()).isEqualTo("sample mix-up at the lab");
    }

    @Test
    void registerPageCreatesTheDonorAndOpensHerPage() throws Exception {
        mvc.perform(post("/donors")
                        .with(csrf())
                        .with(user(coordinator).roles("DONOR_COORDINATOR"))
                        .param("givenName", "Phonsavanh")
                        .param("familyName", "Vongsa")
                        .param("birthDate", "1995-07-20"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/donors/*"));
        DonorView donor = donors.search("Phonsavanh").get(0);
        mvc.perform(get("/donors/" + donor.id()).with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(donor.code())))
                .andExpect(content().string(containsString("Applicant")))
                .andExpect(content().string(containsString("no screening interview yet")))
                .andExpect(content().string(containsString("no HIV result recorded")))
                .andExpect(content().string(containsString("Registered")));
    }

    @Test
    void scanningADonorCodeOpensHerPage() throws Exception {
        DonorView donor = register();
        mvc.perform(get("/donors")
                        .param("q", " " + donor.code().toLowerCase())
                        .with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(redirectedUrl("/donors/" + donor.id()));
        mvc.perform(get("/donors").param("q", "Nguyen").with(user("m").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(donor.code())))
                .andExpect(content().string(not(containsString("data-testid=\"register-form\""))));
    }

    @Test
    void recordingSerologyWithHtmxRedrawsTheTableAndRefreshesEligibility() throws Exception {
        DonorView donor = register();
        mvc.perform(post("/donors/" + donor.id() + "/serology")
                        .with(csrf())
                        .with(user(coordinator).roles("DONOR_COORDINATOR"))
                        .header("HX-Request", "true")
                        .param("sampleDate", today.toString())
                        .param("outcomes[HTLV]", "INDETERMINATE")
                        .param("labReference", "R-55"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "serology-changed"))
                .andExpect(content().string(containsString("R-55")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/donors/" + donor.id() + "/eligibility")
                        .with(user(coordinator).roles("DONOR_COORDINATOR"))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("HTLV indeterminate")));

        mvc.perform(post("/donors/" + donor.id() + "/serology")
                        .with(csrf())
                        .with(user(coordinator).roles("DONOR_COORDINATOR"))
                        .header("HX-Request", "true")
                        .param("sampleDate", today.plusDays(1).toString())
                        .param("outcomes[HTLV]", "NEGATIVE"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("HX-Trigger"))
                .andExpect(content().string(containsString("is in the future")))
                .andExpect(content().string(containsString("data-testid=\"error-sampleDate\"")));
        assertThat(donors.serology(donor.id())).hasSize(1);
    }

    @Test
    void correctingAndVoidingOnThePageNeedAReason() throws Exception {
        DonorView donor = register();
        var recorded = new java.util.concurrent.atomic.AtomicReference<org.openmilkbank.donor.SerologyView>();
        Staff.asSystem(() -> recorded.set(donors.recordSerology(
                donor.id(), "HBV", today, org.openmilkbank.donor.SerologyOutcome.POSITIVE, null)));

        mvc.perform(post("/donors/" + donor.id() + "/serology/" + recorded.get().id() + "/void")
                        .with(csrf())
                        .with(user(coordinator).roles("DONOR_COORDINATOR"))
                        .param("reason", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("voidSerology", "reason"))
                .andExpect(content().string(containsString("data-testid=\"error-reason\"")));
        assertThat(donors.serology(donor.id()).get(0).voided()).isFalse();

        mvc.perform(post("/donors/" + donor.id() + "/serology/" + recorded.get().id() + "/void")
                        .with(csrf())
                        .with(user(coordinator).roles("DONOR_COORDINATOR"))
                        .param("reason", "wrong donor's tube"))
                .andExpect(redirectedUrl("/donors/" + donor.id()));
        assertThat(donors.serology(donor.id()).get(0).voided()).isTrue();

        mvc.perform(post("/donors/" + donor.id() + "/correct")
                        .with(csrf())
                        .with(user(coordinator).roles("DONOR_COORDINATOR"))
                        .param("givenName", donor.givenName())
                        .param("familyName", "Le")
                        .param("reason", "married name"))
                .andExpect(redirectedUrl("/donors/" + donor.id()));
        assertThat(donors.find(donor.id()).orElseThrow().familyName()).isEqualTo("Le");
    }

    @Test
    void onlyCoordinatorsActOnDonorsAndNursesAndDispensersSeeNothing() throws Exception {
        DonorView donor = register();
        String newDonor = "{\"givenName\":\"A\",\"familyName\":\"B\"}";
        for (Role role : new Role[] {Role.LAB_TECHNICIAN, Role.MANAGER, Role.NURSE, Role.DISPENSER, Role.ADMIN}) {
            String username = Staff.create(identity, role);
            mvc.perform(post("/api/v1/donors")
                            .with(httpBasic(username, Staff.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(newDonor))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/donors")
                            .with(csrf())
                            .with(user(username).roles(role.name()))
                            .param("givenName", "A")
                            .param("familyName", "B"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/donors/" + donor.id() + "/serology")
                            .with(csrf())
                            .with(user(username).roles(role.name()))
                            .param("test", "HIV")
                            .param("sampleDate", today.toString())
                            .param("outcome", "NEGATIVE"))
                    .andExpect(status().isForbidden());
        }
        for (Role role : new Role[] {Role.NURSE, Role.DISPENSER, Role.LAB_TECHNICIAN}) {
            String username = Staff.create(identity, role);
            mvc.perform(get("/api/v1/donors").with(httpBasic(username, Staff.PASSWORD)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/donors").with(user(username).roles(role.name()))).andExpect(status().isForbidden());
            mvc.perform(get("/donors/" + donor.id()).with(user(username).roles(role.name())))
                    .andExpect(status().isForbidden());
        }
        for (Role role : new Role[] {Role.MANAGER, Role.ADMIN}) {
            String username = Staff.create(identity, role);
            mvc.perform(get("/api/v1/donors").with(httpBasic(username, Staff.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].code", hasItem(donor.code())));
            mvc.perform(get("/donors/" + donor.id()).with(user(username).roles(role.name())))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/donors")).andExpect(status().isUnauthorized());
    }

    private DonorView register() {
        var donor = new java.util.concurrent.atomic.AtomicReference<DonorView>();
        Staff.as(coordinator, Role.DONOR_COORDINATOR, () -> donor.set(DonorFixtures.registeredDonor(donors)));
        return donor.get();
    }
}
