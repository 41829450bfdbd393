package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class LatePositiveBlocksMilkBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Standards standards;

    @Test
    void aCoordinatorRecordsALatePositiveResultAndHerMilkIsBlockedWithTheInfantInTheLookBack() {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        DonorView donor = fixtures.eligibleDonor();
        DispensingFixtures.Batch batch = fixtures.released(fixtures.containers(3, donor), 3);
        InfantView infant = fixtures.infantWithConsent();
        fixtures.dispense(infant, batch.bottles().get(0));
        String onShelf = Din.parse(batch.bottles().get(1).din()).withCheck();
        String coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        String manager = Staff.create(identity, Role.MANAGER);

        signIn(coordinator, Staff.PASSWORD);
        page.navigate("/donors/" + donor.id());
        page.locator("#test")
                .selectOption(standards.activeProfile().serologyPanel().get(0));
        page.locator("#sampleDate").fill(LocalDate.now().minusDays(1).toString());
        page.locator("#outcome").selectOption("POSITIVE");
        page.locator("#labReference").fill("LATE-42");
        page.getByTestId("serology-submit").click();
        assertThat(page.getByTestId("serology-success")).isVisible();

        page.navigate("/trace/donors/" + donor.id());
        page.getByTestId("look-back-link").click();
        assertThat(page.getByTestId("look-back-blocks")).containsText("positive");
        assertThat(page.getByTestId("look-back-recipients")).containsText(infant.infantCode());
        assertThat(page.getByTestId("look-back-recipients")).containsText("Received, possibly fed");
        assertThat(page.getByTestId("look-back-bottles")).containsText(onShelf);

        signOut();
        signIn(manager, Staff.PASSWORD);
        page.navigate("/bottles");
        assertThat(page.getByTestId("blocked-table")).containsText(onShelf);
        assertThat(page.getByTestId("blocked-table")).containsText("positive");
        assertThat(page.getByTestId("released-table")).not().containsText(onShelf);
    }
}
