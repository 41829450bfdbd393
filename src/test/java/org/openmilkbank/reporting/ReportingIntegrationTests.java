package org.openmilkbank.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The home page's counts follow the milk along its path (measured as changes: the database is shared). */
@IntegrationTest
class ReportingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Reporting reporting;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    JdbcClient jdbc;

    DispensingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new DispensingFixtures(context);
    }

    @Test
    void countsFollowTheMilkFromReceptionToTheInfant() {
        var donor = fixtures.eligibleDonor();
        Dashboard start = reporting.dashboard();

        List<RawContainerView> containers = fixtures.containers(6, donor, donor);
        Dashboard received = reporting.dashboard();
        assertThat(received.rawAwaitingPooling().containers())
                .isEqualTo(start.rawAwaitingPooling().containers() + 2);
        assertThat(received.rawAwaitingPooling().volumeMl())
                .isEqualTo(start.rawAwaitingPooling().volumeMl() + 1000);
        assertThat(received.rawAwaitingPooling().oldestExpression())
                .isBeforeOrEqualTo(LocalDate.now().minusDays(6));

        var batch = fixtures.quarantined(containers, 3);
        Dashboard pasteurised = reporting.dashboard();
        assertThat(pasteurised.rawAwaitingPooling().containers())
                .isEqualTo(start.rawAwaitingPooling().containers());
        assertThat(pasteurised.runsAwaitingCulture().count())
                .isEqualTo(start.runsAwaitingCulture().count() + 1);
        assertThat(pasteurised.bottlesInQuarantine().bottles())
                .isEqualTo(start.bottlesInQuarantine().bottles() + 3);
        assertThat(pasteurised.bottlesInQuarantine().volumeMl())
                .isEqualTo(start.bottlesInQuarantine().volumeMl() + 300);

        Staff.as(
                "tech-recorder",
                Role.LAB_TECHNICIAN,
                // sampled as the run ended, read now after its incubation
                () -> runs.recordPostCulture(
                        batch.run().id(), 0, null, batch.run().endedAt().plusSeconds(60)));
        Dashboard cultured = reporting.dashboard();
        assertThat(cultured.runsAwaitingCulture().count())
                .isEqualTo(start.runsAwaitingCulture().count());
        assertThat(cultured.runsAwaitingRelease().count())
                .isEqualTo(start.runsAwaitingRelease().count() + 1);

        ProcessingFixtures.releaseBySecondTechnician(context, batch.run().id());
        Dashboard released = reporting.dashboard();
        assertThat(released.runsAwaitingRelease().count())
                .isEqualTo(start.runsAwaitingRelease().count());
        assertThat(released.bottlesInQuarantine().bottles())
                .isEqualTo(start.bottlesInQuarantine().bottles());
        // 12 months from expression under HMBANA: later than 30 days
        assertThat(released.releasedStock().later().bottles())
                .isEqualTo(start.releasedStock().later().bottles() + 3);

        // one bottle close to its date moves to the first expiry column
        jdbc.sql("update bottle set expires_on = :d where id = :id")
                .param("d", LocalDate.now().plusDays(7))
                .param("id", batch.bottles().get(0).id())
                .update();
        Dashboard soon = reporting.dashboard();
        assertThat(soon.releasedStock().within7Days().bottles())
                .isEqualTo(start.releasedStock().within7Days().bottles() + 1);
        assertThat(soon.releasedStock().later().bottles())
                .isEqualTo(start.releasedStock().later().bottles() + 2);

        var infant = fixtures.infantWithConsent();
        fixtures.dispense(infant, batch.bottles().get(1));
        fixtures.dispense(infant, batch.bottles().get(2));
        Dashboard fed = reporting.dashboard();
        assertThat(fed.fedToday().infants()).isEqualTo(start.fedToday().infants() + 1);
        assertThat(fed.fedToday().bottles()).isEqualTo(start.fedToday().bottles() + 2);
        assertThat(fed.releasedStock().later().bottles())
                .isEqualTo(start.releasedStock().later().bottles());
    }

    @Test
    void aPoolWaitsForPasteurisationUntilItsRunIsRecorded() {
        var donor = fixtures.eligibleDonor();
        int before = reporting.dashboard().poolsReadyForPasteurisation().count();
        var containers = fixtures.containers(3, donor);
        Staff.as(
                "tech-pooler",
                Role.LAB_TECHNICIAN,
                () -> context.getBean(org.openmilkbank.processing.PoolManagement.class)
                        .createPool(
                                containers.stream().map(RawContainerView::id).toList()));
        Dashboard d = reporting.dashboard();
        assertThat(d.poolsReadyForPasteurisation().count()).isEqualTo(before + 1);
        assertThat(d.poolsReadyForPasteurisation().items()).isNotEmpty();
    }

    @Test
    void theDashboardApiAnswersEveryRoleWithOnlyTheCardsOfItsRolesLikeTheHomePage() throws Exception {
        for (Role role : Role.values()) {
            String username = Staff.create(identity, role);
            boolean reception = Set.of(Role.DONOR_COORDINATOR, Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN)
                    .contains(role);
            boolean stock =
                    Set.of(Role.LAB_TECHNICIAN, Role.DISPENSER, Role.MANAGER).contains(role);
            boolean ward =
                    Set.of(Role.DISPENSER, Role.NURSE, Role.MANAGER, Role.ADMIN).contains(role);
            mvc.perform(get("/api/v1/dashboard").with(httpBasic(username, Staff.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(
                            reception
                                    ? jsonPath("$.rawAwaitingPooling.containers")
                                            .isNumber()
                                    : jsonPath("$.rawAwaitingPooling").isEmpty())
                    .andExpect(
                            stock
                                    ? jsonPath("$.releasedStock.within7Days.volumeMl")
                                            .isNumber()
                                    : jsonPath("$.releasedStock").isEmpty())
                    .andExpect(
                            stock
                                    ? jsonPath("$.bottlesInQuarantine").isMap()
                                    : jsonPath("$.bottlesInQuarantine").isEmpty())
                    .andExpect(
                            ward
                                    ? jsonPath("$.fedToday.infants").isNumber()
                                    : jsonPath("$.fedToday").isEmpty());
        }
        mvc.perform(get("/api/v1/dashboard")).andExpect(status().isUnauthorized());
    }

    @Test
    void onlyTheRolesOfTheMatrixSeeDispensableStockOnTheHomePage() throws Exception {
        mvc.perform(get("/").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"card-raw\"")))
                .andExpect(content().string(not(containsString("data-testid=\"card-released\""))))
                .andExpect(content().string(not(containsString("data-testid=\"card-quarantine\""))));
        mvc.perform(get("/").with(user("dispenser").roles("DISPENSER")))
                .andExpect(content().string(containsString("data-testid=\"card-released\"")));
    }

    @Test
    void theHomePageShowsTheCardsOfTheUsersRoles() throws Exception {
        mvc.perform(get("/").with(user("lab").roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"card-raw\"")))
                .andExpect(content().string(containsString("data-testid=\"card-release\"")))
                .andExpect(content().string(containsString("data-testid=\"card-quarantine\"")))
                .andExpect(content().string(not(containsString("data-testid=\"card-fed\""))));
        mvc.perform(get("/").with(user("ward").roles("NURSE")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"card-fed\"")))
                .andExpect(content().string(not(containsString("data-testid=\"card-raw\""))))
                .andExpect(content().string(not(containsString("data-testid=\"card-released\""))));
        mvc.perform(get("/").with(user("boss").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"card-raw\"")))
                .andExpect(content().string(containsString("data-testid=\"card-fed\"")))
                .andExpect(content().string(containsString("expiry-chart")))
                .andExpect(content().string(containsString("chart.umd.js")));
        mvc.perform(get("/webjars/chart.js/dist/chart.umd.js")).andExpect(status().isOk());
    }
}
