package org.openmilkbank.donor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The registration form keeps what was typed and says beside each field what is wrong, in the reader's language. */
@IntegrationTest
class DonorRegistrationFormTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DonorManagement donors;

    @Test
    void aMissingFamilyNameRedrawsTheFormWithWhatWasTypedAndSavesNothing() throws Exception {
        long before = donors.search("Phonsavanh", PageRequest.of(1, 10)).total();
        mvc.perform(post("/donors")
                        .with(user("coordinator").roles("DONOR_COORDINATOR"))
                        .with(csrf())
                        .param("givenName", "Phonsavanh")
                        .param("familyName", " ")
                        .param("phone", "020 5555 1234")
                        .param("address", "Ban Sisavat, Vientiane"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("registration", "familyName"))
                .andExpect(content().string(containsString("value=\"Phonsavanh\"")))
                .andExpect(content().string(containsString("value=\"020 5555 1234\"")))
                .andExpect(content().string(containsString("Ban Sisavat, Vientiane</textarea>")))
                .andExpect(content().string(containsString("data-testid=\"error-familyName\"")))
                .andExpect(content().string(containsString("This is required.")));
        assertThat(donors.search("Phonsavanh", PageRequest.of(1, 10)).total()).isEqualTo(before);
    }

    @Test
    void aDateThatDoesNotExistIsRefusedBesideTheFieldInLao() throws Exception {
        mvc.perform(post("/donors")
                        .with(user("coordinator").roles("DONOR_COORDINATOR"))
                        .with(csrf())
                        .param("lang", "lo")
                        .param("givenName", "Noy")
                        .param("familyName", "Keomany")
                        .param("birthDate", "1995-02-30"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("registration", "birthDate", "typeMismatch"))
                .andExpect(content().string(containsString("ບໍ່ແມ່ນວັນທີທີ່ມີແທ້.")))
                .andExpect(content().string(not(containsString("Failed to convert"))));
    }

    @Test
    void aValidFormRegistersAndGoesToHerPage() throws Exception {
        mvc.perform(post("/donors")
                        .with(user("coordinator").roles("DONOR_COORDINATOR"))
                        .with(csrf())
                        .param("givenName", "Thu")
                        .param("familyName", "Vongsa")
                        .param("birthDate", "1994-06-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/donors/*"));
    }
}
