package org.openmilkbank.dispensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class DispensingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    DispensingManagement dispensing;

    @Autowired
    Inventory inventory;

    @Autowired
    History history;

    @Autowired
    JdbcClient jdbc;

    DispensingFixtures fixtures;
    String dispenser;
    String nurse;

    @BeforeEach
    void setUp() {
        fixtures = new DispensingFixtures(context);
        dispenser = Staff.create(identity, Role.DISPENSER);
        nurse = Staff.create(identity, Role.NURSE);
    }

    private List<BottleView> releasedBottles(int count) {
        var donor = fixtures.eligibleDonor();
        return fixtures.released(fixtures.containers(3, donor), count).bottles();
    }

    private ResultActions apiDispense(String username, UUID infantId, String din) throws Exception {
        return mvc.perform(post("/api/v1/infants/" + infantId + "/dispenses")
                .with(httpBasic(username, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                // a shared test bank holds other tests' bottles that expire first: each test names its choice
                .content("{\"bottleDin\":\"" + din + "\",\"notFirstReason\":\"this test's bottle\"}"));
    }

    private int dispenseRows() {
        return jdbc.sql("select count(*) from dispense").query(Integer.class).single();
    }

    /** Tries to dispense and checks the refusal changed nothing: no dispense, the bottle as it was. */
    private void refused(UUID infantId, String din, UUID bottleId, String message) throws Exception {
        int before = dispenseRows();
        BottleState state =
                bottleId == null ? null : inventory.find(bottleId).orElseThrow().state();
        apiDispense(dispenser, infantId, din)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString(message)));
        assertThat(dispenseRows()).isEqualTo(before);
        if (bottleId != null) {
            assertThat(inventory.find(bottleId).orElseThrow().state()).isEqualTo(state);
        }
    }

    @Test
    void aDispenserDispensesAReleasedBottleAndTheInfantKeepsTheRecord() throws Exception {
        BottleView bottle = releasedBottles(2).get(0);
        InfantView infant = fixtures.infantWithConsent();
        String din = Din.parse(bottle.din()).withCheck();

        apiDispense(dispenser, infant.id(), din)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.bottleDin").value(din))
                .andExpect(jsonPath("$.dispensedBy").value(dispenser));

        assertThat(inventory.find(bottle.id()).orElseThrow().state()).isEqualTo(BottleState.DISPENSED);
        mvc.perform(get("/api/v1/infants/" + infant.id() + "/dispenses").with(httpBasic(nurse, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].bottleDin").value(din));
        assertThat(history.of("Infant", infant.id()))
                .extracting(History.HistoryEntry::action)
                // in a shared test bank this test's bottle is seldom the first to expire: the history says so
                .contains("Registered")
                .anySatisfy(a -> assertThat(a).startsWith("Bottle dispensed"));
    }

    @Test
    void refusesAnInfantWithoutConsentAndChangesNothing() throws Exception {
        BottleView bottle = releasedBottles(1).get(0);
        InfantView infant = fixtures.infant(false);
        refused(
                infant.id(),
                bottle.din(),
                bottle.id(),
                "No parental consent recorded for infant " + infant.infantCode());
    }

    @Test
    void refusesQuarantinedDiscardedDispensedAndExpiredBottlesAndChangesNothing() throws Exception {
        InfantView infant = fixtures.infantWithConsent();
        var donor = fixtures.eligibleDonor();
        BottleView quarantined =
                fixtures.quarantined(fixtures.containers(3, donor), 1).bottles().get(0);
        refused(
                infant.id(),
                quarantined.din(),
                quarantined.id(),
                Din.parse(quarantined.din()).withCheck());

        List<BottleView> released = releasedBottles(3);
        BottleView discarded = released.get(0);
        Staff.as("tech-discarder", Role.LAB_TECHNICIAN, () -> inventory.discardBottle(discarded.din(), "dropped"));
        refused(
                infant.id(),
                discarded.din(),
                discarded.id(),
                Din.parse(discarded.din()).withCheck());

        BottleView used = released.get(1);
        fixtures.dispense(fixtures.infantWithConsent(), used);
        refused(infant.id(), used.din(), used.id(), Din.parse(used.din()).withCheck());

        BottleView old = released.get(2);
        // the shelf life ran out: the only way to age a bottle is to move its date
        jdbc.sql("update bottle set expires_on = :d where id = :id")
                .param("d", LocalDate.now().minusDays(1))
                .param("id", old.id())
                .update();
        refused(infant.id(), old.din(), old.id(), Din.parse(old.din()).withCheck());
        assertThat(dispensing.dispensesOf(infant.id())).isEmpty();
    }

    @Test
    void refusesAnUnknownAndAMalformedDin() throws Exception {
        InfantView infant = fixtures.infantWithConsent();
        String unknown = Din.of("Z9999", 26, 424_242).withCheck();
        refused(infant.id(), unknown, null, "No bottle has DIN " + unknown);
        refused(infant.id(), "NOT-A-DIN", null, "is not a DIN");
        String mistyped = Din.of("Z9999", 26, 424_242).value() + (unknown.endsWith("A") ? "B" : "A");
        refused(infant.id(), mistyped, null, "fails its check character");
    }

    @Test
    void offersReleasedBottlesFirstToExpireFirst() throws Exception {
        var donor = fixtures.eligibleDonor();
        BottleView older =
                fixtures.released(fixtures.containers(40, donor), 1).bottles().get(0);
        BottleView newer =
                fixtures.released(fixtures.containers(3, donor), 1).bottles().get(0);
        assertThat(older.expiresOn()).isBefore(newer.expiresOn());

        List<BottleView> offered = dispensing.offeredBottles(LocalDate.now());
        assertThat(offered).extracting(BottleView::expiresOn).isSorted();
        assertThat(offered).extracting(BottleView::id).containsSubsequence(older.id(), newer.id());
        assertThat(offered).allMatch(b -> b.state() == BottleState.RELEASED);

        mvc.perform(get("/api/v1/dispensable-bottles").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].expiresOn")
                        .value(offered.get(0).expiresOn().toString()));

        InfantView infant = fixtures.infantWithConsent();
        mvc.perform(get("/infants/" + infant.id()).with(user(dispenser).roles("DISPENSER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"next-bottle\"")))
                .andExpect(content().string(containsString("data-testid=\"bottle-din\"")));
    }

    @Test
    void theDispensePanelShowsTheResultOrTheRefusalInPlace() throws Exception {
        BottleView bottle = releasedBottles(1).get(0);
        InfantView infant = fixtures.infantWithConsent();
        String din = Din.parse(bottle.din()).withCheck();

        mvc.perform(post("/infants/" + infant.id() + "/dispenses")
                        .header("HX-Request", "true")
                        .param("bottleDin", "=" + din.substring(0, 13) + "00")
                        .param("notFirstReason", "this test's bottle")
                        .with(csrf())
                        .with(user(dispenser).roles("DISPENSER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"dispense-success\"")))
                .andExpect(content().string(containsString("id=\"dispense-panel\"")))
                .andExpect(content().string(containsString(din)));

        mvc.perform(post("/infants/" + infant.id() + "/dispenses")
                        .header("HX-Request", "true")
                        .param("bottleDin", din)
                        .param("notFirstReason", "this test's bottle")
                        .with(csrf())
                        .with(user(dispenser).roles("DISPENSER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"dispense-error\"")))
                .andExpect(content().string(containsString("id=\"dispense-panel\"")));
        assertThat(dispensing.dispensesOf(infant.id())).hasSize(1);
    }

    @Test
    void aNurseRegistersAnInfantAndRecordsConsentOnThePages() throws Exception {
        String code = "HN-P" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/infants")
                        .param("infantCode", code)
                        .param("familyName", "Pham")
                        .param("birthDate", LocalDate.now().minusDays(2).toString())
                        .param("gestationalAgeWeeks", "27")
                        .param("gestationalAgeDays", "5")
                        .param("birthWeightGrams", "980")
                        .param("ward", "NICU")
                        .with(csrf())
                        .with(user(nurse).roles("NURSE")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/infants/*"));
        InfantView infant = dispensing.findByCode(code).orElseThrow();
        assertThat(infant.priority()).isTrue();
        assertThat(infant.consentGiven()).isFalse();

        mvc.perform(get("/infants")
                        .param("q", code.toLowerCase())
                        .with(user(nurse).roles("NURSE")))
                .andExpect(redirectedUrl("/infants/" + infant.id()));
        mvc.perform(get("/infants/" + infant.id()).with(user(nurse).roles("NURSE")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"priority-badge\"")))
                .andExpect(content().string(containsString("data-testid=\"consent-form\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-testid=\"bottle-din\""))));

        mvc.perform(post("/infants/" + infant.id() + "/consent")
                        .param("consentDate", LocalDate.now().toString())
                        .with(csrf())
                        .with(user(nurse).roles("NURSE")))
                .andExpect(redirectedUrl("/infants/" + infant.id()));
        assertThat(dispensing.find(infant.id()).orElseThrow().consentGiven()).isTrue();

        mvc.perform(post("/infants/" + infant.id() + "/consent")
                        .param("consentDate", LocalDate.now().toString())
                        .with(csrf())
                        .with(user(nurse).roles("NURSE")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("already recorded")));
    }

    @Test
    void registrationRefusesBadDetailsThroughTheApi() throws Exception {
        String body = """
                {"infantCode":"HN-BAD1","familyName":"Vo","birthDate":"%s","gestationalAgeWeeks":30,
                 "gestationalAgeDays":0,"birthWeightGrams":250,"ward":"NICU"}""".formatted(LocalDate.now());
        mvc.perform(post("/api/v1/infants")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("Birth weight of 250 g is not plausible")));
        assertThat(dispensing.findByCode("HN-BAD1")).isEmpty();
    }

    @Test
    void aCorrectionNeedsAReasonAndIsKeptInHistory() throws Exception {
        InfantView infant = fixtures.infantWithConsent();
        String details = """
                {"infantCode":"%s","familyName":"Corrected","birthDate":"%s","gestationalAgeWeeks":29,
                 "gestationalAgeDays":3,"birthWeightGrams":1250,"ward":"NICU"}""".formatted(infant.infantCode(), infant.birthDate());
        mvc.perform(post("/api/v1/infants/" + infant.id() + "/corrections")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"details\":" + details + ",\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/infants/" + infant.id() + "/corrections")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"details\":" + details + ",\"reason\":\"misspelt at admission\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.familyName").value("Corrected"))
                .andExpect(jsonPath("$.consentGiven").value(true));
        assertThat(history.of("Infant", infant.id()))
                .anySatisfy(e -> assertThat(e.reason()).isEqualTo("misspelt at admission"));
    }

    @Test
    void aCorrectionThatSendsOnlyTheWardKeepsEveryOtherFieldAndTheConsentDate() throws Exception {
        InfantView infant = fixtures.infantWithConsent();
        mvc.perform(post("/api/v1/infants/" + infant.id() + "/corrections")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"details\":{\"ward\":\"SCBU-2\"},\"reason\":\"moved to step-down\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ward").value("SCBU-2"));
        InfantView after = dispensing.find(infant.id()).orElseThrow();
        assertThat(after.consentGiven()).isTrue();
        assertThat(after.consentDate()).isEqualTo(infant.consentDate());
        assertThat(after.familyName()).isEqualTo(infant.familyName());
        assertThat(after.givenName()).isEqualTo(infant.givenName());
        assertThat(after.birthWeightGrams()).isEqualTo(infant.birthWeightGrams());
        assertThat(after.gestationalAge()).isEqualTo(infant.gestationalAge());
    }

    @Test
    void onlyDispensersDispenseNursesRegisterAndRecordConsent() throws Exception {
        BottleView bottle = releasedBottles(1).get(0);
        String body = """
                {"infantCode":"HN-%s","familyName":"Do","birthDate":"%s","gestationalAgeWeeks":34,
                 "gestationalAgeDays":1,"birthWeightGrams":2100,"ward":"SCBU"}""".formatted(
                UUID.randomUUID().toString().substring(0, 6), LocalDate.now().minusDays(1));
        String created = mvc.perform(post("/api/v1/infants")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.priority").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        mvc.perform(post("/api/v1/infants/" + id + "/consent")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consentDate\":\"" + LocalDate.now() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consentGiven").value(true));

        apiDispense(nurse, id, bottle.din()).andExpect(status().isForbidden());
        mvc.perform(post("/infants/" + id + "/dispenses")
                        .param("bottleDin", bottle.din())
                        .param("notFirstReason", "this test's bottle")
                        .with(csrf())
                        .with(user(nurse).roles("NURSE")))
                .andExpect(status().isForbidden());
        assertThat(inventory.find(bottle.id()).orElseThrow().state()).isEqualTo(BottleState.RELEASED);
        apiDispense(dispenser, id, bottle.din()).andExpect(status().isCreated());

        String manager = Staff.create(identity, Role.MANAGER);
        mvc.perform(get("/api/v1/infants/" + id).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/infants")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
    }

    @Test
    void labTechniciansAndDonorCoordinatorsHaveNoAccessToInfants() throws Exception {
        InfantView infant = fixtures.infantWithConsent();
        for (Role role : List.of(Role.LAB_TECHNICIAN, Role.DONOR_COORDINATOR)) {
            String username = Staff.create(identity, role);
            mvc.perform(get("/api/v1/infants").with(httpBasic(username, Staff.PASSWORD)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/infants/" + infant.id()).with(httpBasic(username, Staff.PASSWORD)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/infants").with(user(username).roles(role.name()))).andExpect(status().isForbidden());
            mvc.perform(get("/infants/" + infant.id()).with(user(username).roles(role.name())))
                    .andExpect(status().isForbidden());
        }
    }
}
