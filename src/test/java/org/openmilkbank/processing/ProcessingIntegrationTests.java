package org.openmilkbank.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.Holds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class ProcessingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Standards standards;

    @Autowired
    PoolManagement pools;

    @Autowired
    History history;

    @Autowired
    Holds holds;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToHmbana() {
        if (!standards.activeProfile().code().equals("HMBANA")) {
            Staff.asSystem(() -> standards.activate("HMBANA", "test done"));
        }
    }

    void useNice() {
        Staff.asSystem(() -> standards.activate("NICE", "test of the NICE rules"));
    }

    static String dins(DonationView... donations) {
        return List.of(donations).stream()
                .flatMap(d -> d.containers().stream())
                .map(c -> "\"" + Din.parse(c.din()).withCheck() + "\"")
                .reduce((a, b) -> a + "," + b)
                .orElse("");
    }

    ResultActions createPool(String tech, String containerDins) throws Exception {
        return mvc.perform(post("/api/v1/pools")
                .with(httpBasic(tech, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"containerDins\":[" + containerDins + "]}"));
    }

    @Test
    void hmbanaPoolsUpToFiveDonorsReadyWithoutACulture() throws Exception {
        String tech = Staff.create(identity, Role.LAB_TECHNICIAN);
        DonationView a = ProcessingFixtures.receivedDonation(context, 5, 100, 150);
        DonationView b = ProcessingFixtures.receivedDonation(context, 2, 200);
        createPool(tech, dins(a, b))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("READY"))
                .andExpect(jsonPath("$.volumeMl").value(450))
                .andExpect(jsonPath("$.donorCount").value(2))
                .andExpect(jsonPath("$.containers.length()").value(3))
                .andExpect(jsonPath("$.earliestExpression")
                        .value(a.containers().get(0).expressedOn().toString()));

        DonationView[] six = new DonationView[6];
        for (int i = 0; i < 6; i++) {
            six[i] = ProcessingFixtures.receivedDonation(context, 1, 100);
        }
        createPool(tech, dins(six))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("processing.pool.tooManyDonors"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("at most 5")));
        // the refusal took nothing: five of the six still pool
        createPool(tech, dins(six[0], six[1], six[2], six[3], six[4])).andExpect(status().isCreated());
    }

    @Test
    void refusesAContainerTwiceAnUnknownOneAndOneAlreadyPooled() throws Exception {
        String tech = Staff.create(identity, Role.LAB_TECHNICIAN);
        DonationView donation = ProcessingFixtures.receivedDonation(context, 3, 100, 100);
        String first = Din.parse(donation.containers().get(0).din()).withCheck();

        createPool(tech, "\"" + first + "\",\"" + donation.containers().get(0).din() + "\"")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("processing.pool.containerTwice"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(first)));
        createPool(tech, "\"A000126999998\"")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("processing.pool.containerUnknown"));

        createPool(tech, "\"" + first + "\"").andExpect(status().isCreated());
        createPool(tech, "\"" + first + "\"")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("processing.pool.containerNotUsable"));
        // by id the raw store itself refuses the pooled container
        mvc.perform(post("/api/v1/pools")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"containerIds\":[\""
                                + donation.containers().get(0).id() + "\"]}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void niceKeepsDonorsApartAndDiscardsAPoolOverThePreCultureLimits() throws Exception {
        useNice();
        String tech = Staff.create(identity, Role.LAB_TECHNICIAN);
        DonationView a = ProcessingFixtures.receivedDonation(context, 3, 100);
        DonationView b = ProcessingFixtures.receivedDonation(context, 3, 100);
        createPool(tech, dins(a, b))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("processing.pool.tooManyDonors"));

        String poolA = com.jayway.jsonpath.JsonPath.read(
                createPool(tech, dins(a))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.state").value("AWAITING_PRE_CULTURE"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        // the profile asks for a culture before pasteurisation: the pool is held until it passes
        assertThat(holds.activeOn(UUID.fromString(poolA))).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(HoldKind.CULTURE);
            assertThat(h.reasonCode()).isEqualTo("culture.pending");
        });
        preCulture(tech, poolA, "{\"totalCfu\":100001,\"enterobacteriaceaeCfu\":0,\"staphAureusCfu\":0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DISCARDED"))
                .andExpect(jsonPath("$.discardCodes[0].key").value("lab.culture.failure"))
                .andExpect(jsonPath("$.discardCodes[0].args[1]").value(100001))
                .andExpect(jsonPath("$.discardReasonText").value(Matchers.containsString("100,001")))
                // the culture is the lab's: a sample of the pool with its one read
                .andExpect(jsonPath("$.preCulture.passed").value(false))
                .andExpect(jsonPath("$.preCulture.sampleCode").isNotEmpty());
        assertThat(history.of("Pool", UUID.fromString(poolA)))
                .anySatisfy(h -> assertThat(h.detail()).contains("Total viable count 100,001"));
        // a failing culture ends the hold as decided against the milk
        assertThat(holds.activeOn(UUID.fromString(poolA))).isEmpty();
        assertThat(jdbc.sql("select outcome from milk_hold where unit_id = :id")
                        .param("id", UUID.fromString(poolA))
                        .query(String.class)
                        .single())
                .isEqualTo("DISCARDED");

        String poolB = com.jayway.jsonpath.JsonPath.read(
                createPool(tech, dins(b)).andReturn().getResponse().getContentAsString(), "$.id");
        preCulture(tech, poolB, "{\"totalCfu\":100000,\"enterobacteriaceaeCfu\":10000,\"staphAureusCfu\":10001}")
                .andExpect(jsonPath("$.state").value("DISCARDED"))
                .andExpect(jsonPath("$.discardReasonText").value(Matchers.containsString("S. aureus 10,001")));

        DonationView c = ProcessingFixtures.receivedDonation(context, 3, 100);
        String poolC = com.jayway.jsonpath.JsonPath.read(
                createPool(tech, dins(c)).andReturn().getResponse().getContentAsString(), "$.id");
        preCulture(tech, poolC, "{\"totalCfu\":100000,\"enterobacteriaceaeCfu\":10000}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.culture.count.missing"));
        // a clean culture is not read before the profile's incubation: the pool keeps waiting, its hold on
        preCulture(tech, poolC, "{\"totalCfu\":100000,\"enterobacteriaceaeCfu\":10000,\"staphAureusCfu\":10000}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.culture.read.tooEarly"));
        assertThat(holds.activeOn(UUID.fromString(poolC))).isNotEmpty();

        // milk pooled days ago, sampled as it was mixed and read after 48 h: ready, its hold ended as passed
        PoolView passed = ProcessingFixtures.readyPool(context, tech, 100);
        assertThat(passed.state()).isEqualTo(PoolState.READY);
        assertThat(holds.activeOn(passed.id())).isEmpty();
        assertThat(jdbc.sql("select outcome from milk_hold where unit_id = :id")
                        .param("id", passed.id())
                        .query(String.class)
                        .single())
                .isEqualTo("PASSED");
        assertThat(jdbc.sql("select type from milk_event where unit_id = :id order by at, recorded_at")
                        .param("id", passed.id())
                        .query(String.class)
                        .list())
                .containsSubsequence("POOLED", "HOLD_PLACED", "CULTURE_RECORDED");
        preCulture(tech, passed.id().toString(), "{\"totalCfu\":1,\"enterobacteriaceaeCfu\":0,\"staphAureusCfu\":0}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("processing.preCulture.notAwaiting"));
    }

    ResultActions preCulture(String tech, String poolId, String body) throws Exception {
        return mvc.perform(post("/api/v1/pools/" + poolId + "/pre-culture")
                .with(httpBasic(tech, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void theScannerPageAddsEachContainerAndRefusesADuplicateAtOnce() throws Exception {
        DonationView donation = ProcessingFixtures.receivedDonation(context, 3, 120, 80);
        RawContainerView first = donation.containers().get(0);
        RawContainerView second = donation.containers().get(1);
        var tech = user("tech.scan").roles("LAB_TECHNICIAN");

        mvc.perform(get("/pools/new").with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("autofocus")))
                .andExpect(content().string(Matchers.containsString("donors 0 of max 5")));
        mvc.perform(post("/pools/new/scan")
                        .header("HX-Request", "true")
                        .param("scan", "=" + first.din() + "00")
                        .with(csrf())
                        .with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(first.donorCode())))
                .andExpect(content().string(Matchers.containsString("donors 1 of max 5")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
        mvc.perform(post("/pools/new/scan")
                        .header("HX-Request", "true")
                        .param("dins", first.din())
                        .param("scan", Din.parse(first.din()).withCheck())
                        .with(csrf())
                        .with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is already in this pool")))
                .andExpect(content().string(Matchers.containsString("data-testid=\"error-dins\"")))
                .andExpect(content().string(Matchers.containsString(first.din())));
        mvc.perform(post("/pools/new/scan")
                        .header("HX-Request", "true")
                        .param("dins", first.din())
                        .param("scan", "A000126999997")
                        .with(csrf())
                        .with(tech))
                .andExpect(content().string(Matchers.containsString("No raw container with DIN")));

        String location = mvc.perform(post("/pools")
                        .param("dins", first.din(), second.din())
                        .with(csrf())
                        .with(tech))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        PoolView pool = pools.find(UUID.fromString(location.substring("/pools/".length())))
                .orElseThrow();
        assertThat(pool.volumeMl()).isEqualTo(200);
        assertThat(pool.createdBy()).isEqualTo("tech.scan");
        mvc.perform(get(location).with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(pool.dinWithCheck())))
                .andExpect(content().string(Matchers.containsString("data-testid=\"record-run\"")));

        mvc.perform(post(location + "/discard")
                        .param("reason", "thawed by a freezer fault")
                        .with(csrf())
                        .with(tech))
                .andExpect(status().is3xxRedirection());
        assertThat(pools.find(pool.id()).orElseThrow().state()).isEqualTo(PoolState.DISCARDED);
    }

    @Test
    void aManagerViewsPoolsButOnlyALabTechnicianActs() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        DonationView donation = ProcessingFixtures.receivedDonation(context, 3, 100);
        mvc.perform(get("/api/v1/pools").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/pools").with(httpBasic(manager, Staff.PASSWORD))).andExpect(status().isOk());
        createPool(manager, dins(donation)).andExpect(status().isForbidden());
        for (Role role : List.of(Role.NURSE, Role.DISPENSER, Role.DONOR_COORDINATOR)) {
            String other = Staff.create(identity, role);
            mvc.perform(get("/api/v1/pools").with(httpBasic(other, Staff.PASSWORD)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/pools").with(user(other).roles(role.name()))).andExpect(status().isForbidden());
            createPool(other, dins(donation)).andExpect(status().isForbidden());
        }
    }
}
