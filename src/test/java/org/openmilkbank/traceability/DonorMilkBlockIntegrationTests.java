package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.donor.DeferralCategory;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.HealthRead;
import org.openmilkbank.donor.NewDeferral;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.Html;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A late positive result whose window starts at her last negative sample: the look-back lists exactly the units of
 * hers expressed in the window and everything made from them, and the infant already fed; milk from before the
 * window and the other donor's own milk are not concerned. Clinical words only for clinical staff, each reading logged.
 */
@IntegrationTest
class DonorMilkBlockIntegrationTests {

    private static final String DEFERRAL_WORDS = "partner hepatitis exposure";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    LookBacks lookBacks;

    DispensingFixtures fixtures;
    LineageFixtures lineage;
    DonorView positive;
    DonorView other;
    DispensingFixtures.Batch beforeWindow;
    DispensingFixtures.Batch inWindow;
    RawContainerView raw;
    InfantView fedBefore;
    InfantView fedInWindow;
    String test;
    String coordinator;
    String technician;
    String dispenser;

    @BeforeEach
    void milkBeforeAndInsideTheWindow() throws Exception {
        fixtures = new DispensingFixtures(context);
        lineage = new LineageFixtures(context);
        coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        dispenser = Staff.create(identity, Role.DISPENSER);
        test = standards.activeProfile().serologyPanel().get(0);
        positive = fixtures.eligibleDonor();
        other = fixtures.eligibleDonor();

        beforeWindow = fixtures.released(fixtures.containers(10, positive, other), 2);
        lineage.batch(beforeWindow);
        Staff.as(
                coordinator,
                Role.DONOR_COORDINATOR,
                () -> donors.recordSerology(
                        positive.id(),
                        test,
                        DispensingFixtures.today().minusDays(5),
                        SerologyOutcome.NEGATIVE,
                        "NEG-5"));
        inWindow = fixtures.released(fixtures.containers(3, positive, other), 2);
        lineage.batch(inWindow);
        raw = fixtures.containers(2, positive).get(0);
        lineage.containers(List.of(raw));
        fedBefore = fixtures.infantWithConsent();
        fedInWindow = fixtures.infantWithConsent();
        dispense(fedBefore, beforeWindow.bottles().get(0));
        dispense(fedInWindow, inWindow.bottles().get(0));

        mvc.perform(post("/api/v1/donors/{id}/serology", positive.id())
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"test": "%s", "sampleDate": "%s", "outcome": "POSITIVE", "labReference": "LATE-1"}
                                """.formatted(test, DispensingFixtures.today().minusDays(1))))
                .andExpect(status().isCreated());
        Staff.as(
                coordinator,
                Role.DONOR_COORDINATOR,
                () -> donors.defer(
                        other.id(),
                        new NewDeferral(
                                DeferralCategory.ILLNESS,
                                true,
                                DispensingFixtures.today(),
                                null,
                                false,
                                DEFERRAL_WORDS)));
    }

    private void dispense(InfantView infant, BottleView bottle) {
        fixtures.dispense(infant, bottle);
        lineage.dispensed(infant, bottle);
    }

    private static <T> T as(String username, Role role, java.util.function.Supplier<T> action) {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        Staff.as(username, role, () -> result.set(action.get()));
        return result.get();
    }

    private static List<UUID> ids(List<Traced.Unit> units) {
        return units.stream().map(Traced.Unit::id).toList();
    }

    private String read(String url, String username) throws Exception {
        return Html.withoutCsrf(mvc.perform(get(url).with(httpBasic(username, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theLookBackListsTheUnitsInsideTheWindowAndTheInfantAlreadyFed() {
        LookBack lookBack = as(coordinator, Role.DONOR_COORDINATOR, () -> lookBacks.forDonor(positive.id()));

        assertThat(lookBack.blocked()).isTrue();
        assertThat(lookBack.windows()).singleElement().satisfies(w -> {
            assertThat(w.hold().kind()).isEqualTo(HoldKind.DONOR_BLOCK);
            assertThat(w.hold().windowFrom())
                    .isEqualTo(DispensingFixtures.today().minusDays(5));
            assertThat(w.hold().windowTo()).isNull();
            assertThat(w.hold().placedBy()).isEqualTo(coordinator);
            RawContainerView hers = inWindow.containers().stream()
                    .filter(c -> c.donorId().equals(positive.id()))
                    .findFirst()
                    .orElseThrow();
            assertThat(ids(w.units().containers())).containsExactlyInAnyOrder(hers.id(), raw.id());
            assertThat(ids(w.units().pools())).containsExactly(inWindow.pool().id());
            assertThat(ids(w.units().runs())).containsExactly(inWindow.run().id());
            assertThat(ids(w.units().bottles()))
                    .containsExactlyInAnyOrderElementsOf(
                            inWindow.bottles().stream().map(BottleView::id).toList());
            assertThat(w.units().all()).allMatch(Traced.Unit::held);
            assertThat(w.infants()).extracting(Traced.Infant::infantCode).containsExactly(fedInWindow.infantCode());
            assertThat(w.units().bottles())
                    .filteredOn(b -> b.id().equals(inWindow.bottles().get(0).id()))
                    .singleElement()
                    .satisfies(b -> assertThat(b.state()).isEqualTo("DISPENSED"));
        });
    }

    @Test
    void milkFromBeforeTheWindowAndTheOtherDonorsOwnPoolsAreNotHeldByIt() {
        TraceResult before = as(
                technician,
                Role.LAB_TECHNICIAN,
                () -> context.getBean(Traceability.class)
                        .fromUnit(beforeWindow.bottles().get(1).din()));
        String hersBefore = Din.parse(beforeWindow.containers().stream()
                        .filter(c -> c.donorId().equals(positive.id()))
                        .findFirst()
                        .orElseThrow()
                        .din())
                .withCheck();
        assertThat(before.units().bottles())
                .singleElement()
                .satisfies(b -> assertThat(b.holds()).noneMatch(h -> h.on().equals(hersBefore)));
        assertThat(before.units().containers())
                .filteredOn(c -> c.donorId().equals(positive.id()))
                .singleElement()
                .satisfies(c -> assertThat(c.holds()).isEmpty());
    }

    @Test
    void theBankWideListShowsEveryDonorWindowHoldActiveFirst() throws Exception {
        List<LookBack.Block> blocks = as(coordinator, Role.DONOR_COORDINATOR, lookBacks::blocks);
        assertThat(blocks).extracting(LookBack.Block::donorCode).contains(positive.code(), other.code());
        assertThat(blocks).extracting(b -> b.hold().active()).isSortedAccordingTo((a, b) -> Boolean.compare(b, a));
        assertThat(read("/trace/blocks", technician)).contains(positive.code(), "donor milk blocked");
        assertThat(read("/api/v1/trace/blocks", technician)).contains(positive.code());
    }

    @Test
    void labTechniciansAndDispensersSeeNeutralReasonsOnly() throws Exception {
        String bottle = Din.parse(inWindow.bottles().get(1).din()).withCheck();
        List<String> forTechnician = List.of(
                "/trace/donors/" + positive.id() + "/look-back",
                "/api/v1/trace/donors/" + positive.id() + "/look-back",
                "/trace/donors/" + other.id() + "/look-back",
                "/api/v1/trace/donors/" + other.id() + "/look-back",
                "/trace/dins/" + bottle,
                "/api/v1/trace/dins/" + bottle,
                "/trace/blocks",
                "/api/v1/trace/blocks",
                "/trace/units/" + bottle + "/lineage",
                "/api/v1/units/" + bottle + "/lineage");
        int readsBefore = donors.healthReads(positive.id(), org.openmilkbank.shared.PageRequest.first())
                .items()
                .size();
        for (String url : forTechnician) {
            assertThat(read(url, technician))
                    .as(url)
                    .doesNotContain(
                            test,
                            "POSITIVE",
                            "Positive",
                            "LATE-1",
                            DEFERRAL_WORDS,
                            "ILLNESS",
                            "Illness",
                            "serology:",
                            "deferral:");
        }
        for (String url : List.of("/trace/units/" + bottle + "/lineage", "/api/v1/units/" + bottle + "/lineage")) {
            String answer = read(url, dispenser);
            assertThat(answer).as(url).doesNotContain(test, "POSITIVE", "Positive", DEFERRAL_WORDS, "Illness");
        }
        assertThat(read("/trace/units/" + bottle + "/lineage", dispenser)).contains("donor milk blocked");
        assertThat(read("/trace/donors/" + positive.id() + "/look-back", technician))
                .contains("donor milk blocked — never use; ask the donor coordinator");
        mvc.perform(get("/trace/donors/" + positive.id() + "/look-back").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(donors.healthReads(positive.id(), org.openmilkbank.shared.PageRequest.first())
                        .items())
                .hasSize(readsBefore);
    }

    @Test
    void theCoordinatorSeesTheClinicalRecordBehindEachHoldAndHerReadingIsLogged() throws Exception {
        int readsBefore = donors.healthReads(positive.id(), org.openmilkbank.shared.PageRequest.first())
                .items()
                .size();
        assertThat(read("/trace/donors/" + positive.id() + "/look-back", coordinator))
                .contains(
                        "hold-detail",
                        test,
                        "Positive",
                        DispensingFixtures.today().minusDays(1).toString());
        assertThat(read("/api/v1/trace/donors/" + other.id() + "/look-back", coordinator))
                .contains(DEFERRAL_WORDS, "ILLNESS");
        List<HealthRead> reads = donors.healthReads(positive.id(), org.openmilkbank.shared.PageRequest.first())
                .items();
        assertThat(reads).hasSizeGreaterThan(readsBefore);
        assertThat(reads).anySatisfy(r -> {
            assertThat(r.readBy()).isEqualTo(coordinator);
            assertThat(r.what()).startsWith("milk block: serology:");
        });
        assertThat(donors.healthReads(other.id(), org.openmilkbank.shared.PageRequest.first())
                        .items())
                .anySatisfy(r -> assertThat(r.what()).startsWith("milk block: deferral:"));
    }

    @Test
    void theLookBackIsForManagersAdminsCoordinatorsAndTechniciansOnly() throws Exception {
        for (Role role : Role.values()) {
            String user = role == Role.ADMIN ? "admin" : Staff.create(identity, role);
            String password = role == Role.ADMIN ? "admin-test-password" : Staff.PASSWORD;
            boolean allowed = switch (role) {
                case MANAGER, ADMIN, DONOR_COORDINATOR, LAB_TECHNICIAN -> true;
                default -> false;
            };
            for (String url : List.of(
                    "/api/v1/trace/donors/" + positive.id() + "/look-back",
                    "/trace/donors/" + positive.id() + "/look-back",
                    "/api/v1/trace/blocks")) {
                mvc.perform(get(url).with(httpBasic(user, password)))
                        .andExpect(allowed ? status().isOk() : status().isForbidden());
            }
        }
    }
}
