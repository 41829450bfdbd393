package org.openmilkbank.lab.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.lab.PoolNutrition;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolNutritions;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class RawMilkQualityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Standards standards;

    @Autowired
    CollectionManagement collection;

    @Autowired
    PoolManagement pools;

    @Autowired
    PoolNutritions nutritions;

    @Autowired
    QualityManagement quality;

    @Autowired
    History history;

    @AfterEach
    void backToHmbana() {
        if (!standards.activeProfile().code().equals("HMBANA")) {
            Staff.asSystem(() -> standards.activate("HMBANA", "test done"));
        }
    }

    String technician() {
        return Staff.create(identity, Role.LAB_TECHNICIAN);
    }

    static String din(RawContainerView c) {
        return Din.parse(c.din()).withCheck();
    }

    ContainerState state(RawContainerView c) {
        return collection.findByDin(c.din()).orElseThrow().state();
    }

    void refusesPooling(String tech, RawContainerView c) {
        Staff.as(
                tech,
                Role.LAB_TECHNICIAN,
                () -> assertThatThrownBy(
                                () -> pools.createPool(List.of(c.id()), DonorFixtures.POOLED_AGO.apply(Instant.now())))
                        .isInstanceOf(RuleViolation.class));
    }

    @Test
    void aFailedSensoryCheckUnderBrazilDiscardsTheContainerAndItCanNoLongerBePooled() throws Exception {
        DonationView donation = ProcessingFixtures.receivedDonation(context, 2, 300, 200);
        RawContainerView failed = donation.containers().get(0);
        RawContainerView other = donation.containers().get(1);
        Staff.asSystem(() -> standards.activate("BRAZIL", "Brazilian raw milk checks"));
        String tech = technician();

        long waiting = awaiting(tech);
        assertThat(quality.view(quality.container(din(failed))).incomplete()).isTrue();

        mvc.perform(post("/api/v1/lab/quality/containers/" + din(failed) + "/sensory")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"packagingOk":true,"dirtOk":true,"colourOk":false,"flavourOk":true,
                                 "note":"greenish"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(true));

        assertThat(state(failed)).isEqualTo(ContainerState.DISCARDED);
        assertThat(state(other)).isEqualTo(ContainerState.RAW_FROZEN);
        assertThat(history.of(CollectionManagement.CONTAINER, failed.id()))
                .anySatisfy(h -> assertThat(h.detail()).contains("colour"));
        refusesPooling(tech, failed);
        // a discarded container is no longer waiting for its checks; the other one still is
        assertThat(awaiting(tech)).isEqualTo(waiting - 1);
    }

    long awaiting(String tech) throws Exception {
        String json = mvc.perform(get("/api/v1/lab/quality/awaiting").with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) com.jayway.jsonpath.JsonPath.read(json, "$.total")).longValue();
    }

    @Test
    void aScannedDinOpensTheContainersQcPageAndAnUnknownOneIsRefusedBesideTheInput() throws Exception {
        RawContainerView c = ProcessingFixtures.receivedDonation(context, 2, 300)
                .containers()
                .get(0);
        String tech = technician();
        // scanned as the ISBT 128 data structure: "=", the 13 characters, flags
        mvc.perform(get("/lab/quality").param("din", "=" + c.din() + "00").with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/lab/quality/" + din(c)));
        mvc.perform(get("/lab/quality").param("din", "A000199999999").with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"error-din\"")));
        mvc.perform(get("/lab/quality").param("din", "not a din").with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"error-din\"")));
    }

    @Test
    void aFailedCheckWithoutANoteIsRefusedAndChangesNothing() throws Exception {
        RawContainerView c = ProcessingFixtures.receivedDonation(context, 2, 300)
                .containers()
                .get(0);
        String tech = technician();
        mvc.perform(post("/lab/quality/" + din(c) + "/sensory")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .with(csrf())
                        .param("packagingOk", "false")
                        .param("dirtOk", "true")
                        .param("colourOk", "true")
                        .param("flavourOk", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"error-note\"")));
        assertThat(state(c)).isEqualTo(ContainerState.RAW_FROZEN);
        assertThat(quality.ofContainer(c.id())).isEmpty();
    }

    @Test
    void aDornicMeanAtTheLimitDiscardsTheContainerFromTheQcPage() throws Exception {
        RawContainerView c = ProcessingFixtures.receivedDonation(context, 2, 300)
                .containers()
                .get(0);
        String tech = technician();
        // out of range: the page again with the field's reason, nothing recorded
        mvc.perform(post("/lab/quality/" + din(c) + "/dornic")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .with(csrf())
                        .param("ml1", "0.08")
                        .param("ml2", "1.2")
                        .param("ml3", "0.08"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"error-ml2\"")));
        assertThat(quality.ofContainer(c.id())).isEmpty();

        Staff.asSystem(() -> standards.activate("BRAZIL", "Brazilian raw milk checks"));
        mvc.perform(post("/lab/quality/" + din(c) + "/dornic")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .with(csrf())
                        .param("ml1", "0.08")
                        .param("ml2", "0.08")
                        .param("ml3", "0.08"))
                .andExpect(status().is3xxRedirection());
        assertThat(state(c)).isEqualTo(ContainerState.DISCARDED);
        assertThat(quality.ofContainer(c.id()).orElseThrow().dornic().passed()).isFalse();
        refusesPooling(tech, c);

        mvc.perform(get("/lab/quality/" + din(c)).with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"quality-rejected\"")));
    }

    @Test
    void aMeanUnderTheLimitKeepsTheContainer() throws Exception {
        RawContainerView c = ProcessingFixtures.receivedDonation(context, 2, 300)
                .containers()
                .get(0);
        String tech = technician();
        mvc.perform(post("/api/v1/lab/quality/containers/" + din(c) + "/dornic")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ml1\":0.07,\"ml2\":0.08,\"ml3\":0.08}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dornic.passed").value(true))
                .andExpect(jsonPath("$.rejected").value(false));
        assertThat(state(c)).isEqualTo(ContainerState.RAW_FROZEN);
    }

    @Test
    void eachCheckRecordsTheProcedureItFollowedAndACheckFromBeforeSaysNotRecorded() throws Exception {
        RawContainerView c = ProcessingFixtures.receivedDonation(context, 2, 300)
                .containers()
                .get(0);
        String tech = technician();
        String api = "/api/v1/lab/quality/containers/" + din(c);
        mvc.perform(post(api + "/sensory")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"packagingOk\":true,\"dirtOk\":true,\"colourOk\":true,\"flavourOk\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sensory.procedure.code").value("sensory"))
                .andExpect(jsonPath("$.sensory.procedure.version").value(1))
                .andExpect(jsonPath("$.sensory.procedure.profileCode").value("HMBANA"));
        mvc.perform(post(api + "/dornic")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ml1\":0.07,\"ml2\":0.08,\"ml3\":0.08}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dornic.procedure.code").value("dornic"));
        mvc.perform(post(api + "/crematocrit")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"creamMm\":4,\"totalMm\":50}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.crematocrit.procedure.code").value("crematocrit"))
                .andExpect(jsonPath("$.crematocrit.procedure.version").value(1));

        mvc.perform(get("/lab/quality/" + din(c)).with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "/lab/procedures/dornic?profile=HMBANA&amp;version=1")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("data-testid=\"followed-procedure-none\""))));

        // a check recorded before checks kept their procedure (the migration leaves those columns empty)
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("""
                        update lab_container_quality set dornic_procedure_code = null, dornic_procedure_version = null,
                            dornic_procedure_profile = null where container_id = :id""")
                .param("id", c.id())
                .update();
        mvc.perform(get(api).with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dornic.procedure").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.sensory.procedure.code").value("sensory"));
        mvc.perform(get("/lab/quality/" + din(c)).with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("data-testid=\"followed-procedure-none\"")));
    }

    @Test
    void aCrematocritIsCorrectedOnlyByAnAmendmentWithAReasonAndHistoryKeepsBoth() throws Exception {
        RawContainerView c = ProcessingFixtures.receivedDonation(context, 2, 300)
                .containers()
                .get(0);
        String tech = technician();
        String url = "/api/v1/lab/quality/containers/" + din(c) + "/crematocrit";
        mvc.perform(post(url)
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"creamMm\":4,\"totalMm\":50}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.crematocrit.kcalPerDl").value(82.4));
        mvc.perform(post(url)
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"creamMm\":5,\"totalMm\":50}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(quality.ofContainer(c.id()).orElseThrow().crematocrit().creamMm())
                .isEqualByComparingTo("4");

        mvc.perform(post(url)
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"creamMm\":5,\"totalMm\":50,\"reason\":\"read the wrong capillary\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.crematocrit.kcalPerDl").value(95.8));

        List<History.HistoryEntry> entries = history.of(QualityManagement.RECORD, c.id());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).reason()).isEqualTo("read the wrong capillary");
        assertThat(entries.get(1).actor()).isEqualTo(tech);
        assertThat(entries.get(1).detail()).contains("82.4").contains("95.8");
    }

    void crematocrit(String tech, RawContainerView c, String creamMm) {
        Staff.as(
                tech,
                Role.LAB_TECHNICIAN,
                () -> quality.recordCrematocrit(
                        din(c), new CrematocritForm(new BigDecimal(creamMm), new BigDecimal("50"), null)));
    }

    @Test
    void aPoolTakesTheVolumeWeightedEnergyOfItsContainersOnlyWhenEveryOneIsMeasured() throws Exception {
        DonationView donation = ProcessingFixtures.receivedDonation(context, 3, 600, 200);
        RawContainerView big = donation.containers().get(0);
        RawContainerView small = donation.containers().get(1);
        String tech = technician();
        crematocrit(tech, big, "4"); // 8 %: 824.4 kcal/L
        PoolView[] pool = new PoolView[1];
        Staff.as(
                tech,
                Role.LAB_TECHNICIAN,
                () -> pool[0] =
                        pools.createPool(List.of(big.id(), small.id()), DonorFixtures.POOLED_AGO.apply(Instant.now())));

        PoolNutrition half = nutritions.of(pool[0]);
        assertThat(half.complete()).isFalse();
        assertThat(half.kcalPerDl()).isNull();
        assertThat(nutritions.labelNutrients(pool[0])).isNull();

        crematocrit(tech, small, "6"); // 12 %: 1,091.6 kcal/L; a pooled container's crematocrit may still be read
        PoolNutrition all = nutritions.of(pool[0]);
        // (600 × 824.4 + 200 × 1091.6) / 800 = 891.2 kcal/L
        assertThat(all.kcalPerDl()).isEqualByComparingTo("89.1");
        // fat: (600 × 5.0753 + 200 × 7.8151) / 800 = 5.760
        assertThat(all.fatGPerDl()).isEqualByComparingTo("5.76");
        assertThat(nutritions.labelNutrients(pool[0]).energyKcalPerDl()).isEqualTo(89);

        mvc.perform(get("/pools/" + pool[0].id()).with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("89.1 kcal/dL")));
    }

    @Test
    void theBottleLabelsOfARunPrintThePoolsMeasuredEnergy() throws Exception {
        DonationView donation = ProcessingFixtures.receivedDonation(context, 3, 500, 300);
        String tech = technician();
        donation.containers().forEach(c -> crematocrit(tech, c, "4"));
        List<UUID> ids =
                donation.containers().stream().map(RawContainerView::id).toList();
        RunView[] run = new RunView[1];
        Staff.as(tech, Role.LAB_TECHNICIAN, () -> {
            PoolView pool = pools.createPool(ids, DonorFixtures.POOLED_AGO.apply(Instant.now()));
            run[0] = context.getBean(PasteurisationManagement.class)
                    .recordRun(ProcessingFixtures.holderRun(pool.id(), 4, 200));
        });

        byte[] pdf = mvc.perform(post("/runs/" + run[0].id() + "/labels")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // (500 + 300) mL at 8 % cream: 82.4 kcal/dL, printed whole; the label may wrap between number and unit
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Per dL: 82 kcal");
        }

        // one bottle's own label finds its pool's containers through the lineage
        String bottle = Din.parse(context.getBean(org.openmilkbank.inventory.Inventory.class)
                        .bottlesOfRun(run[0].id())
                        .get(0)
                        .din())
                .withCheck();
        // printed with the run's labels already: a second print names its reason
        byte[] one = mvc.perform(post("/bottles/" + bottle + "/labels")
                        .param("reason", "label smudged")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(one)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Per dL: 82 kcal");
        }
    }
}
