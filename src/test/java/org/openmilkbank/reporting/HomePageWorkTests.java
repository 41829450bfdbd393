package org.openmilkbank.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.NewInfant;
import org.openmilkbank.donor.DeferralCategory;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.NewDeferral;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.logistics.PickupRunView;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each role's home page shows its own work, each item linking to its page. The test bank is shared with other
 * tests, so the fixtures carry dates from long ago (or the newest consent) to head each card's short list.
 */
@IntegrationTest
class HomePageWorkTests {

    /** Long before any other test's records: heads every list ordered by date. */
    private static final LocalDate LONG_AGO = LocalDate.of(2001, 1, 1);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    LogisticsManagement logistics;

    @Autowired
    DispensingManagement dispensing;

    @Autowired
    Reporting reporting;

    @Autowired
    Clock clock;

    private String home(String role) throws Exception {
        return mvc.perform(get("/").with(user(role.toLowerCase() + "-home").roles(role)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String card(String page, String testid) {
        int start = page.indexOf("data-testid=\"" + testid + "\"");
        assertThat(start).as("the page shows the card " + testid).isPositive();
        int end = page.indexOf("card-footer", start);
        return page.substring(start, end);
    }

    @Test
    void theCoordinatorsHomeShowsScreeningsAwaitingApprovalTestsDueDeferralsEndingAndTodaysPickUps() throws Exception {
        LocalDate today = LocalDate.now(clock);
        assertThat(standards.activeProfile().serologyRetestIntervalDays())
                .as("the active profile re-tests donors")
                .isPositive();
        UUID[] ids = new UUID[3];
        PickupRunView[] run = new PickupRunView[1];
        Staff.as("coordinator-home", Role.DONOR_COORDINATOR, () -> {
            DonorView screened = DonorFixtures.registeredDonor(donors);
            donors.recordScreening(screened.id(), DonorFixtures.harmlessInterview(donors, LONG_AGO));
            DonorView tested = DonorFixtures.registeredDonor(donors);
            DonorFixtures.recordNegativePanel(donors, standards, tested.id(), LONG_AGO);
            DonorView deferred = DonorFixtures.registeredDonor(donors);
            donors.defer(
                    deferred.id(),
                    new NewDeferral(
                            DeferralCategory.ILLNESS, false, LONG_AGO, LONG_AGO.plusDays(7), false, "influenza"));
            ids[0] = screened.id();
            ids[1] = tested.id();
            ids[2] = deferred.id();
            run[0] = logistics.planRun(today, "Driver Home");
        });

        String page = home("DONOR_COORDINATOR");

        assertThat(card(page, "card-screenings")).contains("/donors/" + ids[0]);
        assertThat(card(page, "card-serology")).contains("/donors/" + ids[1]);
        assertThat(card(page, "card-deferrals")).contains("/donors/" + ids[2]);
        assertThat(card(page, "card-pickups")).contains("/logistics/runs/" + run[0].id());
        assertThat(page).doesNotContain("data-testid=\"card-release\"", "data-testid=\"card-consent\"");
    }

    @Test
    void theLabTechniciansHomeShowsRawMilkPoolsAndRunsAwaitingRelease() throws Exception {
        ProcessingFixtures.receivedDonation(context, 2, 200);
        ProcessingFixtures.readyPool(
                context,
                Staff.create(context.getBean(org.openmilkbank.identity.IdentityManagement.class), Role.LAB_TECHNICIAN),
                300);
        ProcessingFixtures.cultureNegativeRun(context, ProcessingFixtures.Technicians.create(context), 2, 100);
        Dashboard d = reporting.dashboard();

        String page = home("LAB_TECHNICIAN");

        assertThat(card(page, "card-raw")).contains(">" + d.rawAwaitingPooling().containers() + "<");
        assertThat(card(page, "card-ready"))
                .contains(">" + d.poolsReadyForPasteurisation().count() + "<")
                .contains("/pools/");
        assertThat(card(page, "card-release"))
                .contains(">" + d.runsAwaitingRelease().count() + "<")
                .contains("/runs/");
        assertThat(d.runsAwaitingRelease().count()).isPositive();
        assertThat(page).doesNotContain("data-testid=\"card-screenings\"", "data-testid=\"card-consent\"");
    }

    @Test
    void theDispensersHomeShowsReleasedStockAndInfantsWithConsentAndTheNursesTheInfants() throws Exception {
        InfantView infant = infantConsentedToday();

        String dispenser = home("DISPENSER");
        assertThat(card(dispenser, "card-consent")).contains("/infants/" + infant.id());
        assertThat(card(dispenser, "card-released")).contains("data-testid=\"released-7\"");
        assertThat(dispenser).doesNotContain("data-testid=\"card-screenings\"");

        String nurse = home("NURSE");
        assertThat(card(nurse, "card-consent")).contains("/infants/" + infant.id());
        assertThat(nurse).doesNotContain("data-testid=\"card-released\"");
    }

    @Test
    void theManagersHomeShowsASummaryOfEachRolesWork() throws Exception {
        mvc.perform(get("/").with(user("boss-home").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"card-screenings\"")))
                .andExpect(content().string(containsString("data-testid=\"card-serology\"")))
                .andExpect(content().string(containsString("data-testid=\"card-deferrals\"")))
                .andExpect(content().string(containsString("data-testid=\"card-pickups\"")))
                .andExpect(content().string(containsString("data-testid=\"card-raw\"")))
                .andExpect(content().string(containsString("data-testid=\"card-release\"")))
                .andExpect(content().string(containsString("data-testid=\"card-released\"")))
                .andExpect(content().string(containsString("data-testid=\"card-consent\"")));
        mvc.perform(get("/").with(user("boss-home").roles("MANAGER")).param("lang", "lo"))
                .andExpect(content().string(containsString("ການກວດຄັດກອງລໍຖ້າອະນຸມັດ")))
                .andExpect(content().string(not(containsString("Screenings awaiting approval"))));
    }

    private InfantView infantConsentedToday() {
        LocalDate today = DispensingFixtures.today();
        InfantView[] infant = new InfantView[1];
        Staff.as(
                "nurse-home",
                Role.NURSE,
                () -> infant[0] = dispensing.registerInfant(new NewInfant(
                        "HN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                        "Baby",
                        null,
                        today.minusDays(3),
                        30,
                        1,
                        1400,
                        "NICU",
                        true,
                        today)));
        return infant[0];
    }
}
