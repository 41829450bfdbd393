package org.openmilkbank.traceability;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Staff without clinical rights over donors trace milk by donor code; only clinical staff see her name. */
@IntegrationTest
class DonorNamePrivacyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Test
    void aLabTechnicianTracesADonorByCodeWithoutHerName() throws Exception {
        AtomicReference<DonorView> donor = new AtomicReference<>();
        Staff.asSystem(() -> donor.set(
                DonorFixtures.eligibleDonor(donors, standards, LocalDate.now().minusDays(3))));
        String id = donor.get().id().toString();

        mvc.perform(get("/api/v1/trace/donors/" + id).with(user("lab").roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.donors[0].donorCode").value(donor.get().code()))
                .andExpect(jsonPath("$.donors[0].name").doesNotExist());
        mvc.perform(get("/api/v1/trace/donors/" + id).with(user("coordinator").roles("DONOR_COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.donors[0].name")
                        .value(containsString(donor.get().familyName())));
        mvc.perform(get("/api/v1/trace/donors/" + id + "/look-back")
                        .with(user("lab").roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.donor.donorCode").value(donor.get().code()))
                .andExpect(jsonPath("$.donor.name").doesNotExist());
        mvc.perform(get("/api/v1/trace/donors/" + id + "/look-back")
                        .with(user("coordinator").roles("DONOR_COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.donor.name")
                        .value(containsString(donor.get().familyName())));
        mvc.perform(get("/trace/donors/" + id).with(user("lab").roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(donor.get().familyName()))));
    }
}
