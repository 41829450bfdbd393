package org.openmilkbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.NewInfant;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.NewDonor;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Every page and API that shows a person's name writes it in the bank's one order, never in another. */
@IntegrationTest
class NamesShownInTheBanksOrderTests {

    static final String FAMILY_FIRST = "Nguyễn Thị Thu";
    static final String GIVEN_FIRST = "Thị Thu Nguyễn";

    @Autowired
    MockMvc mvc;

    @Autowired
    Standards standards;

    @Autowired
    DonorManagement donors;

    @Autowired
    DispensingManagement dispensing;

    @Autowired
    Clock clock;

    DonorView donor;
    InfantView infant;
    RequestPostProcessor coordinator = user("names-coordinator").roles("DONOR_COORDINATOR");
    RequestPostProcessor nurse = user("names-nurse").roles("NURSE");

    /** Registered after the bank chose its order: history written earlier keeps the order it was written in. */
    void aVietnameseDonorAndInfant() {
        donor = donors.register(new NewDonor("Thị Thu", "Nguyễn", LocalDate.of(1995, 1, 20), null, null));
        InfantView[] registered = new InfantView[1];
        Staff.as(
                "names-nurse",
                Role.NURSE,
                () -> registered[0] = dispensing.registerInfant(new NewInfant(
                        "HN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                        "Nguyễn",
                        "Thị Thu",
                        LocalDate.now(clock).minusDays(1),
                        34,
                        0,
                        2100,
                        "NICU",
                        null,
                        null)));
        infant = registered[0];
    }

    @AfterEach
    void backToTheProfilesOrder() {
        standards.chooseNamesOrder(NameOrder.GIVEN_FIRST, "test done");
    }

    @Test
    void aFamilyFirstBankShowsTheFamilyNameFirstOnEveryPage() throws Exception {
        standards.chooseNamesOrder(NameOrder.FAMILY_FIRST, "Vietnamese bank");
        assertThat(standards.activeProfile().namesOrder()).isEqualTo(NameOrder.FAMILY_FIRST);
        aVietnameseDonorAndInfant();

        everyPageShows(FAMILY_FIRST, GIVEN_FIRST);
    }

    @Test
    void aGivenFirstBankShowsTheGivenNameFirstOnEveryPage() throws Exception {
        standards.chooseNamesOrder(NameOrder.GIVEN_FIRST, "English-speaking bank");
        aVietnameseDonorAndInfant();

        everyPageShows(GIVEN_FIRST, FAMILY_FIRST);
    }

    @Test
    void aChoiceOfOrderIsKeptInTheProfilesHistoryWithItsReason() {
        standards.chooseNamesOrder(NameOrder.FAMILY_FIRST, "Vietnamese bank");

        assertThat(standards.activationHistory())
                .anySatisfy(h -> assertThat(h.reason()).isEqualTo("Vietnamese bank"));
    }

    private void everyPageShows(String shown, String never) throws Exception {
        page(get("/donors"), shown, never); // the latest registered first
        page(get("/donors").param("q", "thi thu nguyen"), shown, never);
        page(get("/donors/" + donor.id()), shown, never);
        page(get("/reception/donor").param("code", donor.code()).header("HX-Request", "true"), shown, never);
        page(get("/trace/donors/" + donor.id()), shown, never);
        mvc.perform(get("/api/v1/donors/" + donor.id()).with(coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value(shown));
        mvc.perform(get("/api/v1/donors").param("q", donor.code()).with(coordinator))
                .andExpect(jsonPath("$.items[0].fullName").value(shown));
        mvc.perform(get("/api/v1/trace/donors/" + donor.id()).with(coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.donors[0].name").value(shown));
        mvc.perform(get("/infants/" + infant.id()).with(nurse))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(shown)))
                .andExpect(content().string(not(containsString(never))))
                .andExpect(content().string(not(containsString("Nguyễn, Thị Thu"))));
        mvc.perform(get("/infants").param("q", "nguyen thi thu").with(nurse)) // her code would open her page
                .andExpect(content().string(containsString(shown)));
    }

    private void page(MockHttpServletRequestBuilder request, String shown, String never) throws Exception {
        mvc.perform(request.with(coordinator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(shown)))
                .andExpect(content().string(not(containsString(never))))
                .andExpect(content().string(not(containsString("Nguyễn, Thị Thu"))));
    }
}
