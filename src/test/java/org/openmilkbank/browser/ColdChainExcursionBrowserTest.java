package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A technician types the freezer's readings on her phone: warm for longer than the hold rule, then cold again. The
 * home page shows the alarm; the manager sees the three bottles that were inside held, releases one with a reason
 * and discards the rest.
 */
class ColdChainExcursionBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Inventory inventory;

    @Test
    void aWarmReadingMakesAnExcursionThatTheManagerDecides() {
        String technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        String manager = Staff.create(identity, Role.MANAGER);
        List<BottleView> bottles = ProcessingFixtures.releasedBottles(context, 3, 100);
        UUID freezer = UUID.randomUUID();
        String code = "FRZ-" + freezer.toString().substring(0, 6).toUpperCase();
        jdbc.sql("""
                        insert into storage_place (id, level, code, name, unit_type, purpose, created_at, created_by)
                        values (:id, 'UNIT', :code, 'Released milk freezer', 'FREEZER', 'RELEASED', now(), 'test')
                        """).param("id", freezer).param("code", code).update();
        Instant placed = Instant.now(clock).minus(Duration.ofHours(5));
        for (BottleView b : bottles) {
            jdbc.sql("""
                            insert into storage_placement (id, unit_id, place_id, storage_unit_id, placed_at, placed_by)
                            values (:id, :unit, :su, :su, :at, 'test')
                            """)
                    .param("id", UUID.randomUUID())
                    .param("unit", b.id())
                    .param("su", freezer)
                    .param("at", Timestamp.from(placed))
                    .update();
        }
        page.setViewportSize(390, 844);

        signIn(technician, Staff.PASSWORD);
        page.navigate("/storage/cold/" + freezer);
        assertThat(page.getByTestId("unit-code")).hasText(code);
        typeReading("-10", minutesAgo(100));
        typeReading("-10.5", minutesAgo(20));
        assertThat(page.getByTestId("open-excursion")).containsText("Hold");
        typeReading("-20", null);
        assertThat(page.getByTestId("readings").getByTestId("reading-value")).hasCount(3);

        page.navigate("/");
        assertThat(page.getByTestId("cold-alarm")).containsText(code);
        signOut();

        signIn(manager, Staff.PASSWORD);
        page.navigate("/storage/cold");
        page.locator("[data-excursion='" + code + "']").click();
        assertThat(page.getByTestId("excursion-level")).hasText("Hold");
        assertThat(page.getByTestId("held-units").locator("tbody tr")).hasCount(3);
        page.getByTestId("acknowledge").click();
        assertThat(page.getByTestId("flash-success")).isVisible();

        String kept = Din.parse(bottles.get(0).din()).withCheck();
        page.getByTestId("pick-" + kept).check();
        page.getByTestId("decide-release").check();
        page.getByTestId("decision-reason").fill("Stored at the back: the probe showed it stayed frozen");
        page.getByTestId("decision-save").click();
        assertThat(page.getByTestId("decision-" + kept)).containsText("Released");

        page.getByTestId("decide-discard").check();
        page.getByTestId("decision-reason").fill("Near the door while the freezer was warm");
        page.getByTestId("decision-save").click();
        for (BottleView b : bottles.subList(1, 3)) {
            assertThat(page.getByTestId("decision-" + Din.parse(b.din()).withCheck()))
                    .containsText("Discarded");
        }
        assertThat(page.getByTestId("history")).containsText("Decided");

        org.assertj.core.api.Assertions.assertThat(
                        inventory.find(bottles.get(0).id()).orElseThrow().state())
                .isEqualTo(BottleState.RELEASED);
        org.assertj.core.api.Assertions.assertThat(
                        inventory.find(bottles.get(1).id()).orElseThrow().state())
                .isEqualTo(BottleState.DISCARDED);
        org.assertj.core.api.Assertions.assertThat(
                        inventory.find(bottles.get(2).id()).orElseThrow().state())
                .isEqualTo(BottleState.DISCARDED);
    }

    private String minutesAgo(int minutes) {
        return LocalDateTime.now(clock)
                .minusMinutes(minutes)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
    }

    private void typeReading(String celsius, String at) {
        if (at != null) {
            page.getByTestId("reading-at").fill(at);
        }
        page.getByTestId("reading-current").fill(celsius);
        page.getByTestId("reading-current").press("Enter");
        assertThat(page.getByTestId("flash-success")).isVisible();
    }
}
