package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two donors → one pool → one run → bottles → two infants, and a donor whose milk was discarded: traced both ways
 * from every kind of unit, a donor and an infant, by the one walk over the lineage.
 */
@IntegrationTest
class TraceabilityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Traceability traceability;

    @Autowired
    CollectionManagement collection;

    DonorView donorA;
    DonorView donorB;
    DonorView donorDiscarded;
    RawContainerView discardedContainer;
    DispensingFixtures.Batch batch;
    InfantView infantX;
    InfantView infantY;
    String runCode;

    @BeforeEach
    void chain() {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        LineageFixtures lineage = new LineageFixtures(context);
        donorA = fixtures.eligibleDonor();
        donorB = fixtures.eligibleDonor();
        donorDiscarded = fixtures.eligibleDonor();
        batch = fixtures.released(fixtures.containers(4, donorA, donorB), 4);
        lineage.batch(batch);
        discardedContainer = fixtures.containers(4, donorDiscarded).get(0);
        lineage.containers(List.of(discardedContainer));
        Staff.as(
                "tech-sensory",
                Role.LAB_TECHNICIAN,
                () -> collection.discardContainer(discardedContainer.din(), "off smell"));
        infantX = fixtures.infantWithConsent();
        infantY = fixtures.infantWithConsent();
        dispense(fixtures, lineage, infantX, batch.bottles().get(0));
        dispense(fixtures, lineage, infantY, batch.bottles().get(1));
        dispense(fixtures, lineage, infantX, batch.bottles().get(2));
        String stored = context.getBean(JdbcClient.class)
                .sql("select code from milk_unit where id = :id")
                .param("id", batch.run().id())
                .query(String.class)
                .single();
        // people see a run named by its pool's DIN with the check character
        runCode = UnitLabel.of(null, stored);
    }

    private static void dispense(
            DispensingFixtures fixtures, LineageFixtures lineage, InfantView infant, BottleView bottle) {
        fixtures.dispense(infant, bottle);
        lineage.dispensed(infant, bottle);
    }

    private static List<String> codes(List<Traced.Infant> infants) {
        return infants.stream().map(Traced.Infant::infantCode).toList();
    }

    private static List<UUID> ids(List<Traced.Unit> units) {
        return units.stream().map(Traced.Unit::id).toList();
    }

    @Test
    void fromEachDonorEverythingHerMilkBecameAndBothInfants() {
        for (DonorView donor : List.of(donorA, donorB)) {
            TraceResult trace = traceability.fromDonor(donor.id());
            assertThat(trace.origin().kind()).isEqualTo(Traced.OriginKind.DONOR);
            assertThat(codes(trace.infants())).containsExactlyInAnyOrder(infantX.infantCode(), infantY.infantCode());
            assertThat(ids(trace.units().pools())).containsExactly(batch.pool().id());
            assertThat(ids(trace.units().runs())).containsExactly(batch.run().id());
            assertThat(trace.units().bottles()).hasSize(4);
            assertThat(trace.feeds()).hasSize(3);
            assertThat(trace.units().containers()).allMatch(c -> c.donorId().equals(donor.id()));
            assertThat(trace.donors()).extracting(Traced.Donor::id).containsExactly(donor.id());
        }
    }

    @Test
    void anInfantFedFromAPoolOfTwoDonorsNamesExactlyThoseTwo() {
        for (InfantView infant : List.of(infantX, infantY)) {
            TraceResult trace = traceability.fromInfant(infant.id());
            assertThat(trace.donors()).extracting(Traced.Donor::id).containsExactlyInAnyOrder(donorA.id(), donorB.id());
            assertThat(ids(trace.units().pools())).containsExactly(batch.pool().id());
            assertThat(trace.feeds()).allMatch(f -> f.infantId().equals(infant.id()));
        }
        assertThat(traceability.fromInfant(infantX.id()).units().bottles()).hasSize(2);
        assertThat(traceability.fromInfant(infantY.id()).units().bottles()).hasSize(1);
    }

    @Test
    void aDonorWhoseMilkWasDiscardedReachesNoInfant() {
        TraceResult trace = traceability.fromDonor(donorDiscarded.id());
        assertThat(trace.units().containers()).extracting(Traced.Unit::state).containsExactly("DISCARDED");
        assertThat(trace.units().pools()).isEmpty();
        assertThat(trace.units().bottles()).isEmpty();
        assertThat(trace.infants()).isEmpty();
        assertThat(traceability.fromUnit(discardedContainer.din()).infants()).isEmpty();
    }

    @Test
    void fromEachKindOfUnitBothWays() {
        TraceResult pool = traceability.fromUnit(Din.parse(batch.pool().din()).withCheck());
        assertThat(pool.origin().kind()).isEqualTo(Traced.OriginKind.POOL);
        assertThat(pool.donors()).extracting(Traced.Donor::id).containsExactlyInAnyOrder(donorA.id(), donorB.id());
        assertThat(codes(pool.infants())).containsExactlyInAnyOrder(infantX.infantCode(), infantY.infantCode());
        assertThat(pool.units().containers()).hasSize(2);

        TraceResult run = traceability.fromUnit(runCode);
        assertThat(run.origin().kind()).isEqualTo(Traced.OriginKind.RUN);
        assertThat(run.origin().label()).isEqualTo(runCode);
        assertThat(run.donors()).extracting(Traced.Donor::id).containsExactlyInAnyOrder(donorA.id(), donorB.id());
        assertThat(codes(run.infants())).containsExactlyInAnyOrder(infantX.infantCode(), infantY.infantCode());

        TraceResult bottle = traceability.fromUnit(batch.bottles().get(1).din());
        assertThat(bottle.origin().kind()).isEqualTo(Traced.OriginKind.BOTTLE);
        assertThat(bottle.origin().state()).isEqualTo("DISPENSED");
        assertThat(bottle.donors()).extracting(Traced.Donor::id).containsExactlyInAnyOrder(donorA.id(), donorB.id());
        assertThat(codes(bottle.infants())).containsExactly(infantY.infantCode());
        assertThat(bottle.units().bottles()).hasSize(1);

        TraceResult unfed = traceability.fromUnit(batch.bottles().get(3).din());
        assertThat(unfed.infants()).isEmpty();
        assertThat(unfed.origin().state()).isEqualTo("RELEASED");

        RawContainerView ofA = batch.containers().stream()
                .filter(c -> c.donorId().equals(donorA.id()))
                .findFirst()
                .orElseThrow();
        TraceResult container = traceability.fromUnit(ofA.din());
        assertThat(container.origin().kind()).isEqualTo(Traced.OriginKind.CONTAINER);
        assertThat(container.donors()).extracting(Traced.Donor::id).containsExactly(donorA.id());
        assertThat(codes(container.infants())).containsExactlyInAnyOrder(infantX.infantCode(), infantY.infantCode());
        assertThat(container.units().containers()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo("POOLED");
            assertThat(c.children())
                    .containsExactly(Din.parse(batch.pool().din()).withCheck());
        });
    }

    @Test
    void aUnitsLineageListsItsEventsAndItsAncestorsInTimeOrder() throws Exception {
        BottleView bottle = batch.bottles().get(1);
        Lineage lineage = traceability.lineage(bottle.din());
        assertThat(lineage.events())
                .extracting(Lineage.Event::type)
                .contains(
                        MilkEventType.RECEIVED,
                        MilkEventType.POOLED,
                        MilkEventType.PASTEURISED,
                        MilkEventType.FILLED,
                        MilkEventType.DISPENSED);
        assertThat(lineage.events()).extracting(Lineage.Event::at).isSorted();
        assertThat(lineage.events())
                .filteredOn(e -> e.type() == MilkEventType.DISPENSED)
                .singleElement()
                .satisfies(e -> assertThat(e.infant()).isEqualTo(infantY.infantCode()));
        assertThat(lineage.units()).hasSize(5);

        String dispenser = Staff.create(identity, Role.DISPENSER);
        String bottleDin = Din.parse(bottle.din()).withCheck();
        mvc.perform(get("/api/v1/units/" + bottleDin + "/lineage").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.label").value(bottleDin))
                .andExpect(jsonPath("$.events[*].type").value(org.hamcrest.Matchers.hasItem("POOLED")))
                .andExpect(jsonPath("$.links.length()").value(4))
                .andExpect(jsonPath("$.holds").isEmpty());
        String page = mvc.perform(get("/trace/units/" + bottleDin + "/lineage")
                        .header("HX-Request", "true")
                        .with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page)
                .contains("data-testid=\"lineage\"", "Pooled", "Dispensed", runCode)
                .doesNotContain("<html")
                .doesNotContain(bottle.id().toString());
        mvc.perform(get("/trace/units/" + batch.run().id() + "/lineage").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pasteurised")));
        mvc.perform(get("/api/v1/units/NO-SUCH-UNIT/lineage").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isNotFound());
        String nurse = Staff.create(identity, Role.NURSE);
        mvc.perform(get("/api/v1/units/" + bottleDin + "/lineage").with(httpBasic(nurse, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTraceApiAndPagesShowTheChain() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        mvc.perform(get("/api/v1/trace/donors/" + donorA.id()).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.origin.kind").value("DONOR"))
                .andExpect(jsonPath("$.units.bottles.length()").value(4))
                .andExpect(jsonPath("$.infants[*].infantCode")
                        .value(containsInAnyOrder(infantX.infantCode(), infantY.infantCode())));
        mvc.perform(get("/api/v1/trace/infants/" + infantY.id()).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.donors[*].donorCode").value(containsInAnyOrder(donorA.code(), donorB.code())));
        String poolDin = Din.parse(batch.pool().din()).withCheck();
        mvc.perform(get("/api/v1/trace/dins/" + poolDin).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.origin.kind").value("POOL"))
                .andExpect(jsonPath("$.origin.label").value(poolDin))
                .andExpect(jsonPath("$.units.pools[0].state").value("PASTEURISED"));
        mvc.perform(get("/api/v1/trace/dins/" + Din.of("Z9999", 26, 1).withCheck())
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isNotFound());

        mvc.perform(get("/trace")
                        .param("code", donorA.code())
                        .with(user(manager).roles("MANAGER")))
                .andExpect(redirectedUrl("/trace/donors/" + donorA.id()));
        mvc.perform(get("/trace")
                        .param("code", infantX.infantCode())
                        .with(user(manager).roles("MANAGER")))
                .andExpect(redirectedUrl("/trace/infants/" + infantX.id()));
        mvc.perform(get("/trace")
                        .param("code", batch.pool().din())
                        .with(user(manager).roles("MANAGER")))
                .andExpect(redirectedUrl("/trace/dins/" + poolDin));
        mvc.perform(get("/trace")
                        .param("code", runCode.toLowerCase())
                        .with(user(manager).roles("MANAGER")))
                .andExpect(redirectedUrl("/trace/dins/" + runCode));
        mvc.perform(get("/trace").param("code", "NOBODY-42").with(user(manager).roles("MANAGER")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("NOBODY-42")));

        mvc.perform(get("/trace/donors/" + donorA.id()).with(user(manager).roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(infantX.infantCode())))
                .andExpect(content().string(containsString(infantY.infantCode())))
                .andExpect(content().string(containsString("/trace/dins/" + poolDin)));
        mvc.perform(get("/trace/infants/" + infantX.id()).with(user(manager).roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(donorB.code())));
        mvc.perform(get("/trace/dins/" + poolDin).with(user(manager).roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(donorA.code())));
        mvc.perform(get("/trace/dins/" + runCode).with(user(manager).roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(infantY.infantCode())));
    }

    @Test
    void traceIsForManagersAdminsCoordinatorsAndLabTechniciansOnly() throws Exception {
        for (Role role : List.of(Role.MANAGER, Role.ADMIN, Role.DONOR_COORDINATOR, Role.LAB_TECHNICIAN)) {
            String username = Staff.create(identity, role);
            mvc.perform(get("/api/v1/trace/infants/" + infantX.id()).with(httpBasic(username, Staff.PASSWORD)))
                    .andExpect(status().isOk());
            mvc.perform(get("/trace/donors/" + donorA.id()).with(user(username).roles(role.name())))
                    .andExpect(status().isOk());
        }
        for (Role role : List.of(Role.NURSE, Role.DISPENSER)) {
            String username = Staff.create(identity, role);
            mvc.perform(get("/api/v1/trace/donors/" + donorA.id()).with(httpBasic(username, Staff.PASSWORD)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/trace").with(user(username).roles(role.name()))).andExpect(status().isForbidden());
            mvc.perform(get("/trace/infants/" + infantX.id())
                            .with(user(username).roles(role.name())))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theGlobalScanOpensEachKindOfRecord() throws Exception {
        String nurse = Staff.create(identity, Role.NURSE);
        var asNurse = user(nurse).roles("NURSE");
        RawContainerView container = batch.containers().get(0);
        String containerDin = Din.parse(container.din()).withCheck();
        mvc.perform(get("/scan").param("code", containerDin).with(asNurse))
                .andExpect(redirectedUrl("/containers/" + containerDin));
        mvc.perform(get("/scan").param("code", "=" + container.din() + "00").with(asNurse))
                .andExpect(redirectedUrl("/containers/" + containerDin));
        mvc.perform(get("/scan").param("code", batch.pool().din()).with(asNurse))
                .andExpect(redirectedUrl("/pools/" + batch.pool().id()));
        String bottleDin = Din.parse(batch.bottles().get(0).din()).withCheck();
        mvc.perform(get("/scan").param("code", bottleDin.toLowerCase()).with(asNurse))
                .andExpect(redirectedUrl("/bottles/" + bottleDin));
        mvc.perform(get("/scan")
                        .param("code", donorA.code())
                        .with(user("coordinator").roles("DONOR_COORDINATOR")))
                .andExpect(redirectedUrl("/donors/" + donorA.id()));
        mvc.perform(get("/scan").param("code", " " + infantY.infantCode() + " ").with(asNurse))
                .andExpect(redirectedUrl("/infants/" + infantY.id()));
    }

    @Test
    void aScanOfAnUnknownCodeSaysWhatWasScanned() throws Exception {
        String dispenser = Staff.create(identity, Role.DISPENSER);
        String unknownDin = Din.of("Z9999", 26, 777).withCheck();
        mvc.perform(get("/scan").param("code", unknownDin).with(user(dispenser).roles("DISPENSER")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("data-testid=\"not-found-message\"")))
                .andExpect(content().string(containsString("Nothing found for “" + unknownDin + "”")));
        mvc.perform(get("/scan")
                        .param("code", "who-is-this")
                        .with(user(dispenser).roles("DISPENSER")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("who-is-this")));
        mvc.perform(get("/scan").param("code", "x")).andExpect(status().is3xxRedirection());
    }
}
