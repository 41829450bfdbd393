package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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

/** Issue 3: a coordinator defers a donor on her page and every bottle of her milk leaves the shelf at once. */
class DeferralBlocksMilkBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Standards standards;

    @Test
    void aCoordinatorDefersADonorAndHerMilkIsBlockedEverywhereWithTheInfantInTheLookBack() {
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
        page.locator("#category").selectOption("TRANSFUSION");
        page.locator("#kind").selectOption("TEMPORARY");
        page.locator("#deferral-reason").fill("Blood transfusion after a haemorrhage");
        page.getByTestId("deferral-submit").click();
        assertThat(page.getByTestId("deferrals-table")).containsText("Blood transfusion");
        assertThat(page.getByTestId("eligibility-status")).not().hasText("Eligible");

        page.getByTestId("look-back-link").click();
        assertThat(page.getByTestId("look-back-recipients")).containsText(infant.infantCode());
        assertThat(page.getByTestId("look-back-bottles")).containsText(onShelf);

        signOut();
        signIn(manager, Staff.PASSWORD);
        page.navigate("/bottles");
        assertThat(page.getByTestId("blocked-table")).containsText(onShelf);
        assertThat(page.getByTestId("released-table")).not().containsText(onShelf);
    }
}
