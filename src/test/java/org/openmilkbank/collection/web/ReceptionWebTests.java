package org.openmilkbank.collection.web;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class ReceptionWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    DonorManagement donors;

    @Autowired
    CollectionManagement collection;

    @Autowired
    Standards standards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    LocalDate today;
    String technician;
    DonorView donor;

    @BeforeEach
    void eligibleDonor() {
        today = LocalDate.now(clock);
        technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        AtomicReference<DonorView> d = new AtomicReference<>();
        Staff.asSystem(() -> d.set(DonorFixtures.eligibleDonor(donors, standards, today.minusDays(10))));
        donor = d.get();
    }

    @Test
    void aTechnicianReceivesADonationThroughTheApiByScannedDonorCode() throws Exception {
        String body = mvc.perform(post("/api/v1/donations")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"donorCode\":\"" + donor.code().toLowerCase() + "\",\"note\":\"cool box intact\","
                                + "\"containers\":[{\"volumeMl\":150,\"expressedOn\":\"" + today.minusDays(2)
                                + "\"},{\"volumeMl\":180,\"expressedOn\":\"" + today.minusDays(1) + "\"}]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.donorCode").value(donor.code()))
                .andExpect(jsonPath("$.receivedBy").value(technician))
                .andExpect(jsonPath("$.totalVolumeMl").value(330))
                .andExpect(jsonPath("$.containers", hasSize(2)))
                .andExpect(jsonPath("$.containers[0].state").value("RAW_FROZEN"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode donation = json.readTree(body);
        String withCheck = donation.get("containers").get(0).get("dinWithCheck").asText();
        assertThat(withCheck).hasSize(14);
        assertThat(Din.parse(withCheck).value())
                .isEqualTo(donation.get("containers").get(0).get("din").asText());

        mvc.perform(get("/api/v1/donations/" + donation.get("id").asText()).with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.containers", hasSize(2)));
        mvc.perform(get("/api/v1/containers/" + withCheck).with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.volumeMl").value(150));
        mvc.perform(post("/api/v1/containers/" + withCheck + "/discard")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"lid broken\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DISCARDED"))
                .andExpect(jsonPath("$.discardReason").value("lid broken"));
        mvc.perform(get("/api/v1/containers").param("state", "DISCARDED").with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].dinWithCheck", org.hamcrest.Matchers.hasItem(withCheck)));
    }

    @Test
    void anApiRefusalNamesTheContainerAndReceivesNothing() throws Exception {
        long before = containers();
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"donorId\":\"" + donor.id()
                                + "\",\"containers\":[{\"volumeMl\":100,\"expressedOn\":\"" + today
                                + "\"},{\"volumeMl\":5000,\"expressedOn\":\"" + today + "\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("collection.container.volume"))
                .andExpect(jsonPath("$.detail").value(containsString("Container 2")));
        assertThat(containers()).isEqualTo(before);
    }

    @Test
    void moreThanFiftyContainersInOneDonationAreRefusedAsATypingError() throws Exception {
        long before = containers();
        String coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        String line = "{\"volumeMl\":100,\"expressedOn\":\"" + today + "\"}";
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"donorId\":\"" + donor.id() + "\",\"containers\":["
                                + String.join(",", java.util.Collections.nCopies(51, line)) + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("collection.containers.tooMany"));
        assertThat(containers()).isEqualTo(before);
    }

    @Test
    void aDonationNamingTheIdOfOneDonorAndTheCodeOfAnotherIsRefused() throws Exception {
        AtomicReference<DonorView> d = new AtomicReference<>();
        Staff.asSystem(() -> d.set(DonorFixtures.eligibleDonor(donors, standards, today.minusDays(10))));
        DonorView other = d.get();
        long before = containers();
        String coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"donorId\":\"" + donor.id() + "\",\"donorCode\":\"" + other.code()
                                + "\",\"containers\":[{\"volumeMl\":100,\"expressedOn\":\"" + today + "\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("collection.reception.donorMismatch"))
                .andExpect(jsonPath("$.detail").value(containsString(other.code())));
        assertThat(containers()).isEqualTo(before);
    }

    @Test
    void theReceptionPanelTellsTheLabOnlyWhetherSheIsEligibleAndLogsTheRead() throws Exception {
        AtomicReference<DonorView> d = new AtomicReference<>();
        Staff.asSystem(() -> d.set(DonorFixtures.registeredDonor(donors)));
        DonorView unscreened = d.get();
        String technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        mvc.perform(get("/reception/donor")
                        .param("code", unscreened.code())
                        .header("HX-Request", "true")
                        .with(user(technician).roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not eligible today")))
                .andExpect(content().string(not(containsString("no screening interview yet"))))
                .andExpect(content().string(not(containsString("no valid"))));
        String coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        mvc.perform(get("/reception/donor")
                        .param("code", unscreened.code())
                        .with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(content().string(containsString("no screening interview yet")));
        assertThat(donors.healthReads(unscreened.id(), org.openmilkbank.shared.PageRequest.first())
                        .items())
                .extracting(r -> r.readBy())
                .contains(technician, coordinator);
    }

    @Test
    void theReceptionPageLoadsTheScannedDonorAndReceivesToAReceipt() throws Exception {
        String coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        mvc.perform(get("/reception/donor")
                        .param("code", donor.code())
                        .header("HX-Request", "true")
                        .with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(donor.fullName())))
                .andExpect(content().string(containsString("Eligible today")))
                .andExpect(content().string(containsString("name=\"donorCode\"")));
        mvc.perform(get("/reception/donor")
                        .param("code", "D99999X")
                        .with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(content().string(containsString("No donor with code")));
        mvc.perform(get("/reception/row").with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"containers[0].amount\"")));

        var result = mvc.perform(post("/reception")
                        .with(csrf())
                        .with(user(coordinator).roles("DONOR_COORDINATOR"))
                        .param("donorCode", donor.code())
                        .param("containers[0].amount", "120")
                        .param("containers[0].expressedOn", today.minusDays(1).toString())
                        .param("containers[1].amount", "95")
                        .param("containers[1].expressedOn", today.toString())
                        // the spare line the scanner opened at the end is left empty
                        .param("containers[2].amount", "")
                        .param("containers[2].expressedOn", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/donations/*"))
                .andReturn();
        String receipt = result.getResponse().getRedirectedUrl();
        DonationView donation = collection.donationsOf(donor.id()).get(0);
        assertThat(receipt).isEqualTo("/donations/" + donation.id());
        assertThat(donation.receivedBy()).isEqualTo(coordinator);
        String page = mvc.perform(get(receipt).with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (var c : donation.containers()) {
            assertThat(page).contains(Din.parse(c.din()).withCheck());
        }
    }

    @Test
    void aRefusedReceptionOnThePageKeepsWhatWasTypedAndChangesNothing() throws Exception {
        long before = containers();
        mvc.perform(post("/reception")
                        .with(csrf())
                        .with(user(technician).roles("LAB_TECHNICIAN"))
                        .param("donorCode", donor.code())
                        .param("containers[0].amount", "120")
                        .param("containers[0].expressedOn", today.toString())
                        .param("containers[1].amount", "0")
                        .param("containers[1].expressedOn", today.toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Container 2: 0 mL is not a container")))
                .andExpect(content().string(containsString("data-testid=\"error-containers[1].amount\"")))
                .andExpect(content().string(containsString("value=\"120\"")));
        mvc.perform(post("/reception")
                        .with(csrf())
                        .with(user(technician).roles("LAB_TECHNICIAN"))
                        .param("donorCode", donor.code())
                        .param("containers[0].amount", "120")
                        .param("containers[0].expressedOn", today.plusDays(2).toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("is in the future")));
        mvc.perform(post("/reception")
                        .with(csrf())
                        .with(user(technician).roles("LAB_TECHNICIAN"))
                        .param("donorCode", "NOBODY")
                        .param("containers[0].amount", "120")
                        .param("containers[0].expressedOn", today.toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("No donor with code")));
        assertThat(containers()).isEqualTo(before);
    }

    @Test
    void containerPagesAcceptTheDinWithOrWithoutItsCheckCharacter() throws Exception {
        AtomicReference<DonationView> d = new AtomicReference<>();
        Staff.asSystem(() -> d.set(DonorFixtures.receive(collection, donor.id(), today, 100)));
        String din = d.get().containers().get(0).din();
        String withCheck = Din.parse(din).withCheck();

        mvc.perform(get("/containers/" + din).with(user(technician).roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(withCheck)))
                .andExpect(content().string(containsString(donor.code())));
        mvc.perform(get("/containers").param("din", din).with(user(technician).roles("LAB_TECHNICIAN")))
                .andExpect(redirectedUrl("/containers/" + withCheck));
        mvc.perform(get("/containers")
                        .param("state", "RAW_FROZEN")
                        .with(user("m").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(withCheck)));

        mvc.perform(post("/containers/" + withCheck + "/discard")
                        .with(csrf())
                        .with(user(technician).roles("LAB_TECHNICIAN"))
                        .param("reason", "leaking"))
                .andExpect(redirectedUrl("/containers/" + withCheck));
        assertThat(collection.findByDin(din).orElseThrow().state()).isEqualTo(ContainerState.DISCARDED);
        mvc.perform(get("/containers/" + withCheck).with(user(technician).roles("LAB_TECHNICIAN")))
                .andExpect(content().string(containsString("leaking")))
                .andExpect(content().string(not(containsString("data-testid=\"discard-form\""))));
    }

    @Test
    void nursesAndDispensersCannotReachReceptionAndManagersOnlyLook() throws Exception {
        String body = "{\"donorId\":\"" + donor.id() + "\",\"containers\":[{\"volumeMl\":100,\"expressedOn\":\"" + today
                + "\"}]}";
        for (Role role : new Role[] {Role.NURSE, Role.DISPENSER}) {
            String username = Staff.create(identity, role);
            mvc.perform(get("/reception").with(user(username).roles(role.name())))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/containers").with(user(username).roles(role.name())))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/containers").with(httpBasic(username, Staff.PASSWORD)))
                    .andExpect(status().isForbidden());
        }
        long before = containers();
        for (Role role : new Role[] {Role.NURSE, Role.DISPENSER, Role.MANAGER, Role.ADMIN}) {
            String username = Staff.create(identity, role);
            mvc.perform(post("/api/v1/donations")
                            .with(httpBasic(username, Staff.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/reception")
                            .with(csrf())
                            .with(user(username).roles(role.name()))
                            .param("donorCode", donor.code())
                            .param("volumeMl", "100")
                            .param("expressedOn", today.toString()))
                    .andExpect(status().isForbidden());
        }
        assertThat(containers()).isEqualTo(before);
        String manager = Staff.create(identity, Role.MANAGER);
        mvc.perform(get("/reception").with(user(manager).roles("MANAGER"))).andExpect(status().isOk());

        String coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
    }

    private long containers() {
        return jdbc.sql("select count(*) from raw_container").query(Long.class).single();
    }
}
