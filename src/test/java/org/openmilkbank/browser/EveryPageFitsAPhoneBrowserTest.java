package org.openmilkbank.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.logistics.CollectionPointKind;
import org.openmilkbank.logistics.CollectionPointView;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.logistics.NewCollectionPoint;
import org.openmilkbank.logistics.PickupRunView;
import org.openmilkbank.logistics.TransportMode;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.AnalyserFixtures;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.openmilkbank.traceability.RecallCase;
import org.openmilkbank.traceability.RecallFixture;
import org.openmilkbank.traceability.RecallSource;
import org.openmilkbank.traceability.Recalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page of every role fits a 390 px phone (nothing scrolls sideways) and every button, input and link a
 * finger may touch, in the page and in the navigation bar, is at least 44 px high; in English and in Lao (longer
 * words), and the same pages still hold on a 1366 px screen. One record of each kind is made first so that every
 * detail page exists.
 */
class EveryPageFitsAPhoneBrowserTest extends BrowserTest {

    private static final int PHONE = 390;
    private static final int DESKTOP = 1366;
    private static final int TARGET = 44;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock bankClock;

    /** The page's width and its targets under 44 px high, each named by tag, classes and text. */
    private static final String MEASURE = """
            () => {
                const small = [];
                const targets = document.querySelectorAll(
                    'main a, main button, main input:not([type=hidden]), main select, main textarea,'
                    + ' nav a, nav button, nav input, nav select');
                for (const el of targets) {
                    const style = getComputedStyle(el);
                    let box = el.getBoundingClientRect();
                    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
                    // a checkbox or radio is touched through its label
                    if (el.type === 'checkbox' || el.type === 'radio') {
                        const around = el.closest('label, .form-check');
                        if (around) box = around.getBoundingClientRect();
                    }
                    if (box.height < 44) {
                        const name = (el.textContent || el.getAttribute('aria-label') || el.name || '').trim();
                        small.push(el.tagName.toLowerCase() + (el.type ? '[type=' + el.type + ']' : '')
                            + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '')
                            + ' "' + name.slice(0, 30) + '" ' + Math.round(box.height) + 'px');
                    }
                }
                return { width: document.documentElement.scrollWidth, small: small };
            }""";

    @Test
    void everyPageOfEveryRoleFitsAPhoneWithFingerSizedTargetsAndStillFitsADesktop() {
        Map<Role, List<String>> pages = pagesOfEveryRole();
        List<String> offences = new ArrayList<>();
        pages.forEach((role, urls) -> {
            String username = Staff.create(identity, role);
            signIn(username, Staff.PASSWORD);
            for (String lang : List.of("en", "lo")) {
                for (String url : urls) {
                    page.setViewportSize(PHONE, 800);
                    String address = url + (url.contains("?") ? "&" : "?") + "lang=" + lang;
                    Response response = page.navigate(address);
                    if (response == null || response.status() != 200) {
                        offences.add(role + " " + address + " answered "
                                + (response == null ? "nothing" : response.status()));
                        continue;
                    }
                    check(role, address, PHONE, offences);
                    if (lang.equals("en")) {
                        page.setViewportSize(DESKTOP, 800);
                        check(role, address, DESKTOP, offences);
                    }
                }
            }
            signOut();
        });
        assertThat(offences)
                .as("pages wider than the screen or targets under %d px high", TARGET)
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void check(Role role, String address, int width, List<String> offences) {
        Map<String, Object> measured = (Map<String, Object>) page.evaluate(MEASURE);
        int scrollWidth = ((Number) measured.get("width")).intValue();
        if (scrollWidth > width) {
            offences.add(role + " " + address + " at " + width + " px is " + scrollWidth + " px wide");
        }
        for (Object small : (List<Object>) measured.get("small")) {
            offences.add(role + " " + address + " at " + width + " px: " + small);
        }
    }

    /** One record of each kind, through the modules' own APIs, and every page each role has. */
    private Map<Role, List<String>> pagesOfEveryRole() {
        RecallFixture.Made made = RecallFixture.poolWithADispensedBottle(context);
        UUID donorId = made.containers().get(0).donorId();
        String containerDin = Din.parse(made.containers().get(0).din()).withCheck();
        UUID donationId = made.containers().get(0).donationId();
        String bottleDin = Din.parse(made.inStock().get(0).din()).withCheck();
        String poolDin = Din.parse(made.poolDin()).withCheck();
        PoolView ready = ProcessingFixtures.readyPool(context, Staff.create(identity, Role.LAB_TECHNICIAN), 400);

        LogisticsManagement logistics = context.getBean(LogisticsManagement.class);
        CollectionPointView[] point = new CollectionPointView[1];
        PickupRunView[] run = new PickupRunView[1];
        Staff.as("phone-coordinator", Role.DONOR_COORDINATOR, () -> {
            point[0] = logistics.createPoint(new NewCollectionPoint(
                    "Phone Ward " + UUID.randomUUID(), CollectionPointKind.HOSPITAL, "Street 1"));
            run[0] = logistics.planRun(LocalDate.now(bankClock), "Driver Phone");
            logistics.addPointStop(run[0].id(), point[0].id());
            logistics.addBox(run[0].id(), "BOX-" + UUID.randomUUID().toString().substring(0, 6), TransportMode.FROZEN);
        });
        UUID boxId = jdbc.sql("select id from transport_box where run_id = :run")
                .param("run", run[0].id())
                .query(UUID.class)
                .single();
        RecallCase[] recall = new RecallCase[1];
        Staff.as(
                "phone-manager",
                Role.MANAGER,
                () -> recall[0] = context.getBean(Recalls.class)
                        .open(RecallSource.unit(poolDin), "Donor reported a medication after donating"));
        UUID userId = jdbc.sql("select id from staff_user order by username limit 1")
                .query(UUID.class)
                .single();
        UUID unitId = made.poolId();
        AnalyserFixtures.Made analysed = AnalyserFixtures.importedFile(context, containerDin);
        UUID pasteuriser = org.openmilkbank.support.EquipmentFixtures.recordedPasteuriser(context);
        UUID[] order = new UUID[1];
        Staff.as(
                "phone-nurse",
                Role.NURSE,
                () -> order[0] = context.getBean(org.openmilkbank.dispensing.orders.OrderManagement.class)
                        .request(
                                made.infant().id(),
                                new org.openmilkbank.dispensing.orders.OrderTerms(
                                        160, 20, 8, java.time.LocalDate.now(), null, null, null, "Dr Lan"))
                        .id());

        org.openmilkbank.support.ReportingDhis2Fixtures.Made dhis2 =
                org.openmilkbank.support.ReportingDhis2Fixtures.configured(context);
        Map<Role, List<String>> pages = new LinkedHashMap<>();
        pages.put(
                Role.DONOR_COORDINATOR,
                List.of(
                        "/",
                        "/donors",
                        "/donors/" + donorId,
                        "/donors/" + donorId + "/timeline",
                        "/donors/worklists",
                        "/donors/addenda",
                        "/reception",
                        "/reception/worklists",
                        "/donations/" + donationId,
                        "/containers",
                        "/containers/" + containerDin,
                        "/logistics",
                        "/logistics/runs",
                        "/logistics/runs/" + run[0].id(),
                        "/logistics/points",
                        "/logistics/points/" + point[0].id(),
                        "/logistics/arrival",
                        "/logistics/boxes/" + boxId,
                        "/trace",
                        "/trace/donors/" + donorId,
                        "/trace/donors/" + donorId + "/look-back",
                        "/trace/blocks",
                        "/trace/dins/" + containerDin,
                        "/trace/units/" + unitId + "/lineage",
                        "/standards",
                        "/account"));
        pages.put(
                Role.LAB_TECHNICIAN,
                List.of(
                        "/",
                        "/pools",
                        "/pools/new",
                        "/pools/" + made.poolId(),
                        "/pools/" + ready.id(),
                        "/runs",
                        "/runs/new?pool=" + ready.id(),
                        "/runs/" + made.runId(),
                        "/runs/" + made.runId() + "/curve",
                        "/runs/log-to-follow?pool=" + ready.id(),
                        "/runs/loggers",
                        "/lab",
                        "/lab/plan",
                        "/lab/samples/new",
                        "/bottles",
                        "/bottles/" + bottleDin,
                        "/lab/analysers",
                        "/lab/analysers/" + analysed.instrumentId(),
                        "/lab/analysers/import",
                        "/lab/analysers/imports/" + analysed.importId(),
                        "/lab/analysers/results?code=" + containerDin,
                        "/lab/quality",
                        "/lab/quality/" + containerDin,
                        "/lab/procedures",
                        "/lab/procedures/pre-culture",
                        "/lab/procedures/dornic",
                        "/lab/plan",
                        "/reports/lab",
                        "/equipment",
                        "/equipment/" + pasteuriser));
        pages.put(
                Role.DISPENSER,
                List.of(
                        "/",
                        "/infants",
                        "/infants/" + made.infant().id(),
                        "/bottles",
                        "/orders",
                        "/orders/" + order[0]));
        pages.put(
                Role.NURSE,
                List.of(
                        "/",
                        "/infants",
                        "/infants/" + made.infant().id(),
                        "/orders/" + order[0],
                        "/ward/prepare",
                        "/ward/bedside",
                        "/ward/bedside?infant=" + made.infant().infantCode(),
                        "/ward/infants/" + made.infant().id()));
        pages.put(
                Role.MANAGER,
                List.of(
                        "/",
                        "/orders",
                        "/recalls",
                        "/recalls/preview?source=UNIT&code=" + poolDin,
                        "/recalls/" + recall[0].code(),
                        "/trace/infants/" + made.infant().id(),
                        "/ward/near-misses",
                        "/reports/lab",
                        "/reports/indicators",
                        "/reports/indicators/VOLUME_DISPENSED?breakdown=NICU",
                        "/reports/dictionary",
                        "/reports",
                        "/reports/targets",
                        "/reports/targets/VOLUME_DISPENSED",
                        "/reports/monthly",
                        "/reports/monthly/" + java.time.YearMonth.now().minusMonths(1),
                        "/reports/dhis2",
                        "/reports/dhis2/mappings/" + dhis2.mappingId(),
                        "/reports/dhis2/pushes",
                        "/reports/dhis2/pushes/" + dhis2.pushId(),
                        "/equipment",
                        "/equipment/" + pasteuriser));
        pages.put(
                Role.ADMIN,
                List.of(
                        "/",
                        "/admin/users",
                        "/admin/users/" + userId,
                        "/admin/event-publications",
                        "/reports/dhis2",
                        "/standards",
                        "/standards/profiles/FRANCE"));
        return pages;
    }
}
