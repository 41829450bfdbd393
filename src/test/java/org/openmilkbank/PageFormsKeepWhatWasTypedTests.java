package org.openmilkbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Din;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The page forms of dispensing, identity, standards and traceability: a refused form draws the same page again with
 * what was typed and the reason beside its field, and changes nothing.
 */
@IntegrationTest
class PageFormsKeepWhatWasTypedTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    DispensingManagement dispensing;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Standards standards;

    @Test
    void anInfantWithAnImpossibleGestationIsRefusedBesideTheWeeks() throws Exception {
        mvc.perform(post("/infants")
                        .param("infantCode", "NICU-FORM-01")
                        .param("familyName", "Sysavath")
                        .param("birthDate", LocalDate.now().minusDays(3).toString())
                        .param("gestationalAgeWeeks", "12")
                        .param("gestationalAgeDays", "0")
                        .param("birthWeightGrams", "1200")
                        .param("ward", "NICU")
                        .with(csrf())
                        .with(user("nurse").roles("NURSE")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("newInfant", "gestationalAgeWeeks"))
                .andExpect(content().string(containsString("value=\"Sysavath\"")))
                .andExpect(content().string(containsString("data-testid=\"error-gestationalAgeWeeks\"")));
        assertThat(dispensing.findByCode("NICU-FORM-01")).isEmpty();
    }

    @Test
    void aCorrectionWithoutAReasonComesBackOpenWithTheChangeTyped() throws Exception {
        InfantView infant = new DispensingFixtures(context).infantWithConsent();
        mvc.perform(post("/infants/" + infant.id() + "/correction")
                        .param("infantCode", infant.infantCode())
                        .param("familyName", "Changed-Name")
                        .param("birthDate", infant.birthDate().toString())
                        .param("gestationalAgeWeeks", String.valueOf(infant.gestationalAgeWeeks()))
                        .param("gestationalAgeDays", String.valueOf(infant.gestationalAgeDays()))
                        .param("birthWeightGrams", String.valueOf(infant.birthWeightGrams()))
                        .param("ward", infant.ward())
                        .param("reason", "")
                        .with(csrf())
                        .with(user("nurse").roles("NURSE")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("correction", "reason"))
                .andExpect(content().string(containsString("value=\"Changed-Name\"")));
        assertThat(dispensing.find(infant.id()).orElseThrow().familyName()).isEqualTo(infant.familyName());
    }

    @Test
    void aShortPasswordIsRefusedBesideItAndNeverShownAgain() throws Exception {
        mvc.perform(post("/admin/users")
                        .param("username", "new-form-user")
                        .param("displayName", "Khamla Form")
                        .param("password", "short-pw")
                        .param("roles", "NURSE")
                        .with(csrf())
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("newUser", "password"))
                .andExpect(content().string(containsString("value=\"Khamla Form\"")))
                .andExpect(content().string(not(containsString("short-pw"))));
        assertThat(identity.findByUsername("new-form-user")).isEmpty();
    }

    @Test
    void activatingTheActiveProfileIsRefusedBesideTheChoice() throws Exception {
        String active = standards.activeProfile().code();
        mvc.perform(post("/standards/active")
                        .param("code", active)
                        .param("reason", "the board asked")
                        .with(csrf())
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("activation", "code"))
                .andExpect(content().string(containsString("value=\"the board asked\"")));
    }

    @Test
    void aRecallWithoutAReasonComesBackWithItsPreviewAndHoldsNothing() throws Exception {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        DispensingFixtures.Batch batch = fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 1);
        String pool = Din.parse(batch.pool().din()).withCheck();
        mvc.perform(post("/recalls")
                        .param("source.kind", "UNIT")
                        .param("source.code", pool)
                        .param("reason", " ")
                        .with(csrf())
                        .with(user("manager").roles("MANAGER")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("openRecall", "reason"))
                .andExpect(content().string(containsString("data-testid=\"recall-preview-summary\"")))
                .andExpect(content().string(containsString("value=\"" + pool + "\"")));
    }
}
