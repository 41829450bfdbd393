package org.openmilkbank.donor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

/** Donors' health answers and serology: only coordinators, managers and admins read them, and every read is logged. */
@IntegrationTest
class DonorAccessTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    Clock clock;

    DonorView donor;

    @BeforeEach
    void donor() {
        AtomicReference<DonorView> d = new AtomicReference<>();
        Staff.asSystem(() -> d.set(DonorFixtures.eligibleDonor(
                donors, standards, LocalDate.now(clock).minusDays(5))));
        donor = d.get();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void healthAnswersAndSerologyAreReadOnlyByClinicalRolesAndEachReadIsLogged(Role role) throws Exception {
        String user = Staff.create(identity, role);
        boolean allowed = role == Role.DONOR_COORDINATOR || role == Role.MANAGER || role == Role.ADMIN;
        int before = donors.healthReads(donor.id(), org.openmilkbank.shared.PageRequest.first())
                .items()
                .size();
        for (String path : new String[] {"/screenings", "/serology", "/deferrals", "/timeline"}) {
            mvc.perform(get("/api/v1/donors/" + donor.id() + path).with(httpBasic(user, Staff.PASSWORD)))
                    .andExpect(allowed ? status().isOk() : status().isForbidden());
        }
        mvc.perform(get("/donors/" + donor.id()).with(httpBasic(user, Staff.PASSWORD)))
                .andExpect(allowed ? status().isOk() : status().isForbidden());
        var reads = donors.healthReads(donor.id(), org.openmilkbank.shared.PageRequest.first())
                .items();
        assertThat(reads).hasSize(before + (allowed ? 5 : 0));
        if (allowed) {
            assertThat(reads).allMatch(r -> r.readBy().equals(user));
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyACoordinatorRecordsAScreeningAndOnlyAManagerSwitchesAnAddendum(Role role) throws Exception {
        String user = Staff.create(identity, role);
        mvc.perform(post("/api/v1/donors/" + donor.id() + "/screenings")
                        .with(httpBasic(user, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"interviewedOn\":\"" + LocalDate.now(clock)
                                + "\",\"mode\":\"PHONE\",\"answers\":{}}"))
                .andExpect(role == Role.DONOR_COORDINATOR ? status().isUnprocessableContent() : status().isForbidden());
        mvc.perform(post("/api/v1/addenda/NEW_PATHOGEN/off")
                        .with(httpBasic(user, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"check\"}"))
                // the addendum is off: a manager is refused by the rule, everyone else by the role
                .andExpect(role == Role.MANAGER ? status().isUnprocessableContent() : status().isForbidden());
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"DONOR_COORDINATOR", "MANAGER", "ADMIN"})
    void theWorkListExportsCsvForClinicalRoles(Role role) throws Exception {
        String user = Staff.create(identity, role);
        mvc.perform(get("/donors/worklists.csv").param("status", "ELIGIBLE").with(httpBasic(user, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(donor.code())));
        mvc.perform(get("/donors/worklists").with(httpBasic(user, Staff.PASSWORD)))
                .andExpect(status().isOk());
    }

    @org.junit.jupiter.api.Test
    void everyReadOfEligibilityOrTestDatesIsLoggedAsWellAsTheAnswersAndSerology() throws Exception {
        String user = Staff.create(identity, Role.DONOR_COORDINATOR);
        String[] reads = {
            "/api/v1/donors/" + donor.id() + "/eligibility",
            "/api/v1/donors/" + donor.id() + "/acceptance",
            "/donors/" + donor.id() + "/eligibility",
            "/api/v1/donor-worklists/status?status=ELIGIBLE",
            "/api/v1/donor-worklists/tests-expiring?days=400",
            "/donors/worklists?status=ELIGIBLE&days=400",
            "/donors/worklists.csv?status=ELIGIBLE"
        };
        for (String path : reads) {
            int before = donors.healthReads(donor.id(), org.openmilkbank.shared.PageRequest.first())
                    .items()
                    .size();
            mvc.perform(get(path).with(httpBasic(user, Staff.PASSWORD))).andExpect(status().isOk());
            assertThat(donors.healthReads(donor.id(), org.openmilkbank.shared.PageRequest.first())
                            .items())
                    .as("%s is a read of her eligibility", path)
                    .hasSize(before + 1)
                    .allMatch(r -> r.readBy().equals(user));
        }
    }
}
