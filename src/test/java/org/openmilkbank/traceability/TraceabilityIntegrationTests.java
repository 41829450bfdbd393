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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** Two donors → one pool → one run → bottles → two infants, and a donor whose milk was discarded. */
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

    @BeforeEach
    void chain() {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        donorA = fixtures.eligibleDonor();
        donorB = fixtures.eligibleDonor();
        donorDiscarded = fixtures.eligibleDonor();
        batch = fixtures.released(fixtures.containers(4, donorA, donorB), 4);
        discardedContainer = fixtures.containers(4, donorDiscarded).get(0);
        Staff.as(
                "tech-sensory",
                Role.LAB_TECHNICIAN,
                () -> collection.discardContainer(discardedContainer.din(), "off smell"));
        infantX = fixtures.infantWithConsent();
        infantY = fixtures.infantWithConsent();
        fixtures.dispense(infantX, batch.bottles().get(0));
        fixtures.dispense(infantY, batch.bottles().get(1));
        fixtures.dispense(infantX, batch.bottles().get(2));
    }

    private static List<String> codes(List<org.openmilkbank.traceability.Traced.Infant> infants) {
        return infants.stream().map(Traced.Infant::infantCode).toList();
    }

    @Test
    void fromEachDonorBothInfants() {
        for (DonorView donor : List.of(donorA, donorB)) {
            DonorTrace trace = traceability.fromDonor(donor.id());
            assertThat(codes(trace.infants())).containsExactlyInAnyOrder(infantX.infantCode(), infantY.infantCode());
            assertThat(trace.pools())
                    .extracting(Traced.Pool::id)
                    .containsExactly(batch.pool().id());
            assertThat(trace.runs())
                    .extracting(Traced.Run::id)
                    .containsExactly(batch.run().id());
            assertThat(trace.bottles()).hasSize(4);
            assertThat(trace.feeds()).hasSize(3);
            assertThat(trace.containers()).allMatch(c -> c.donorId().equals(donor.id()));
        }
    }

    @Test
    void fromEachInfantBothDonors() {
        for (InfantView infant : List.of(infantX, infantY)) {
            InfantTrace trace = traceability.fromInfant(infant.id());
            assertThat(trace.donors()).extracting(Traced.Donor::id).containsExactlyInAnyOrder(donorA.id(), donorB.id());
            assertThat(trace.pools())
                    .extracting(Traced.Pool::id)
                    .containsExactly(batch.pool().id());
        }
        assertThat(traceability.fromInfant(infantX.id()).bottles()).hasSize(2);
        assertThat(traceability.fromInfant(infantY.id()).bottles()).hasSize(1);
    }

    @Test
    void aDonorWhoseMilkWasDiscardedReachesNoInfant() {
        DonorTrace trace = traceability.fromDonor(donorDiscarded.id());
        assertThat(trace.containers()).extracting(Traced.Container::state).containsExactly("DISCARDED");
        assertThat(trace.pools()).isEmpty();
        assertThat(trace.bottles()).isEmpty();
        assertThat(trace.infants()).isEmpty();
        assertThat(traceability.fromDin(discardedContainer.din()).infants()).isEmpty();
    }

    @Test
    void fromADinBothWays() {
        DinTrace pool = traceability.fromDin(Din.parse(batch.pool().din()).withCheck());
        assertThat(pool.kind()).isEqualTo(DinTrace.Kind.POOL);
        assertThat(pool.donors()).extracting(Traced.Donor::id).containsExactlyInAnyOrder(donorA.id(), donorB.id());
        assertThat(codes(pool.infants())).containsExactlyInAnyOrder(infantX.infantCode(), infantY.infantCode());

        DinTrace bottle = traceability.fromDin(batch.bottles().get(1).din());
        assertThat(bottle.kind()).isEqualTo(DinTrace.Kind.BOTTLE);
        assertThat(bottle.donors()).extracting(Traced.Donor::id).containsExactlyInAnyOrder(donorA.id(), donorB.id());
        assertThat(codes(bottle.infants())).containsExactly(infantY.infantCode());

        DinTrace unfed = traceability.fromDin(batch.bottles().get(3).din());
        assertThat(unfed.infants()).isEmpty();

        RawContainerView ofA = batch.containers().stream()
                .filter(c -> c.donorId().equals(donorA.id()))
                .findFirst()
                .orElseThrow();
        DinTrace container = traceability.fromDin(ofA.din());
        assertThat(container.kind()).isEqualTo(DinTrace.Kind.CONTAINER);
        assertThat(container.donors()).extracting(Traced.Donor::id).containsExactly(donorA.id());
        assertThat(codes(container.infants())).containsExactlyInAnyOrder(infantX.infantCode(), infantY.infantCode());
    }

    @Test
    void theTraceApiAndPagesShowTheChain() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        mvc.perform(get("/api/v1/trace/donors/" + donorA.id()).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.infants[*].infantCode")
                        .value(containsInAnyOrder(infantX.infantCode(), infantY.infantCode())));
        mvc.perform(get("/api/v1/trace/infants/" + infantY.id()).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.donors[*].donorCode").value(containsInAnyOrder(donorA.code(), donorB.code())));
        String poolDin = Din.parse(batch.pool().din()).withCheck();
        mvc.perform(get("/api/v1/trace/dins/" + poolDin).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("POOL"))
                .andExpect(jsonPath("$.din").value(poolDin));
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
