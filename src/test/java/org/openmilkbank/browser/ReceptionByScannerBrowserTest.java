package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.logistics.BoxArrival;
import org.openmilkbank.logistics.CollectionPointKind;
import org.openmilkbank.logistics.IndicatorState;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.logistics.NewCollectionPoint;
import org.openmilkbank.logistics.TransportMode;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;

class ReceptionByScannerBrowserTest extends BrowserTest {

    @Autowired
    IdentityManagement identity;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    LogisticsManagement logistics;

    @Test
    void aCoordinatorReceivesABoxByTypingScannerInputAndGetsTheReceipt() {
        LocalDate today = LocalDate.now(clock);
        AtomicReference<DonorView> donor = new AtomicReference<>();
        Staff.asSystem(() -> donor.set(DonorFixtures.eligibleDonor(donors, standards, today.minusDays(10))));
        String coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        // the box arrived from a collection point with its cold chain intact
        String boxCode = "BOX" + System.nanoTime() % 100_000;
        Staff.asSystem(() -> {
            var point = logistics.createPoint(
                    new NewCollectionPoint("Community depot " + boxCode, CollectionPointKind.COMMUNITY, null));
            logistics.dispatchBox(
                    boxCode,
                    point.id(),
                    TransportMode.FROZEN,
                    Instant.now(clock).minus(Duration.ofHours(3)),
                    new BigDecimal("-22"));
            logistics.arrive(boxCode, new BoxArrival(new BigDecimal("-20"), IndicatorState.INTACT, true, null));
        });
        signIn(coordinator, Staff.PASSWORD);

        page.navigate("/reception");
        // a scanner types the code and ends with Enter
        page.getByTestId("donor-code-input").pressSequentially(donor.get().code() + "\n");
        assertThat(page.getByTestId("donor-eligibility")).hasText("Eligible today");

        // line 1: label scanned, 120 mL, date kept, intact; Enter through every field opens line 2
        page.keyboard().type("BOX7-001\n120\n");
        page.keyboard().press("Enter"); // unit
        page.keyboard().press("Enter"); // date
        page.keyboard().press("Enter"); // time
        page.keyboard().press("Enter"); // condition: end of line, a new line opens
        assertThat(page.getByTestId("container-row")).hasCount(2);
        // line 2: weighed, 206 g, thawed on the way
        page.keyboard().type("BOX7-002\n206\n");
        page.getByTestId("unit-select").nth(1).selectOption("G");
        page.getByTestId("condition-select").nth(1).selectOption("THAWED");
        page.getByTestId("box-code-input").pressSequentially(boxCode);
        page.getByTestId("receive-submit").click();

        page.waitForURL(url -> url.contains("/donations/"));
        assertThat(page.getByTestId("outcome-summary")).hasText("1 accepted, 0 held, 1 rejected");
        assertThat(page.getByTestId("receipt-state").nth(0)).hasText("Raw frozen");
        assertThat(page.getByTestId("receipt-state").nth(1)).hasText("Rejected");
        assertThat(page.getByTestId("receipt-reason").nth(1)).hasText("Thawed");
        assertThat(page.getByTestId("receipt-line").nth(1)).containsText("200 (206 g)");
        assertThat(page.getByTestId("receipt-slip")).isVisible();
        assertThat(page.getByTestId("labels-form")).isVisible();
    }
}
