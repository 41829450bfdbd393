package org.openmilkbank.collection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Reader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerCondition;
import org.openmilkbank.collection.ContainerIntake;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RejectReason;
import org.openmilkbank.donor.DonorCleared;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.logistics.BoxArrival;
import org.openmilkbank.logistics.BoxView;
import org.openmilkbank.logistics.CollectionPointKind;
import org.openmilkbank.logistics.IndicatorState;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.logistics.NewCollectionPoint;
import org.openmilkbank.logistics.TransportMode;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class ReceptionOutcomesWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    DonorManagement donors;

    @Autowired
    CollectionManagement collection;

    @Autowired
    Standards standards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    LocalDate today;
    String technician;
    DonorView donor;

    @BeforeEach
    void eligibleDonor() {
        today = LocalDate.now(clock);
        technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        AtomicReference<DonorView> d = new AtomicReference<>();
        Staff.asSystem(() -> d.set(DonorFixtures.eligibleDonor(donors, standards, today.minusDays(10))));
        donor = d.get();
    }

    @Test
    void oneDonationAcceptsRejectsAndConvertsWeightPerContainer() throws Exception {
        long rejectedBefore = collection.rejectsByReason(today, today).get(RejectReason.THAWED);
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"donorCode":"%s","containers":[
                                  {"weightG":206,"expressedOn":"%s","expressedAt":"06:15","labelCode":"L-1"},
                                  {"volumeMl":90,"expressedOn":"%s","condition":"THAWED"},
                                  {"volumeMl":80,"expressedOn":"%s"}]}
                                """.formatted(donor.code(), today.minusDays(1), today, today)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.totalVolumeMl").value(280))
                .andExpect(jsonPath("$.containers[0].volumeMl").value(200))
                .andExpect(jsonPath("$.containers[0].weightG").value(206))
                .andExpect(jsonPath("$.containers[0].productCode").value("M0006"))
                .andExpect(jsonPath("$.containers[1].state").value("REJECTED"))
                .andExpect(jsonPath("$.containers[1].rejectReason").value("THAWED"))
                .andExpect(jsonPath("$.containers[1].productCode").doesNotExist());
        assertThat(collection.rejectsByReason(today, today).get(RejectReason.THAWED))
                .isEqualTo(rejectedBefore + 1);
        mvc.perform(get("/api/v1/reception/rejects").with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byReason.THAWED").value(rejectedBefore + 1));
    }

    @Test
    void badInputsRefuseTheWholeReceptionAndChangeNothing() throws Exception {
        Staff.asSystem(() -> collection.receive(
                donor.id(), List.of(new ContainerIntake(100, null, today, null, null, "SEEN-1")), null));
        long containers = count("raw_container");
        long donations = count("donation");
        String good = "{\"volumeMl\":100,\"expressedOn\":\"" + today + "\"}";
        record Bad(String body, String code) {}
        List<Bad> bad = List.of(
                new Bad(
                        "{\"donorCode\":\"D99999\",\"containers\":[" + good + "]}",
                        "collection.reception.donorCodeUnknown"),
                new Bad(
                        "{\"donorId\":\"" + donor.id() + "\",\"containers\":[" + good
                                + ",{\"volumeMl\":100,\"expressedOn\":\"" + today + "\",\"labelCode\":\"L-9\"},"
                                + "{\"volumeMl\":100,\"expressedOn\":\"" + today + "\",\"labelCode\":\"l-9\"}]}",
                        "collection.container.scannedTwice"),
                new Bad(
                        "{\"donorId\":\"" + donor.id() + "\",\"containers\":[{\"volumeMl\":100,\"expressedOn\":\""
                                + today + "\",\"labelCode\":\"SEEN-1\"}]}",
                        "collection.container.alreadyReceived"),
                new Bad(
                        "{\"donorId\":\"" + donor.id() + "\",\"containers\":[" + good
                                + ",{\"volumeMl\":100,\"expressedOn\":\"" + today
                                + "\",\"labelCode\":\"%%bad code\"}]}",
                        "collection.container.labelCodeMalformed"),
                new Bad(
                        "{\"donorId\":\"" + donor.id() + "\",\"containers\":[" + good
                                + ",{\"weightG\":-120,\"expressedOn\":\"" + today + "\"}]}",
                        "collection.container.weight"),
                new Bad(
                        "{\"donorId\":\"" + donor.id() + "\",\"containers\":[{\"volumeMl\":100,\"expressedOn\":\""
                                + today.plusDays(1) + "\"}]}",
                        "collection.container.expressedInFuture"));
        for (Bad b : bad) {
            mvc.perform(post("/api/v1/donations")
                            .with(httpBasic(technician, Staff.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(b.body()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value(b.code()));
        }
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"donorId\":\"" + donor.id()
                                + "\",\"containers\":[{\"volumeMl\":100,\"expressedOn\":\"" + today
                                + "\",\"condition\":\"MELTED\"}]}"))
                .andExpect(status().isBadRequest());
        assertThat(count("raw_container")).isEqualTo(containers);
        assertThat(count("donation")).isEqualTo(donations);
    }

    @Test
    void heldMilkJoinsTheRawStoreWhenTheDonorIsCleared() throws Exception {
        AtomicReference<DonorView> pending = new AtomicReference<>();
        Staff.asSystem(() -> pending.set(DonorFixtures.registeredDonor(donors)));
        AtomicReference<DonationView> donation = new AtomicReference<>();
        Staff.asSystem(() ->
                donation.set(DonorFixtures.receive(collection, pending.get().id(), today, 100, 120)));
        assertThat(donation.get().held()).hasSize(2);
        String din = donation.get().containers().get(0).din();
        mvc.perform(get("/reception/worklists").with(user("m").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(Din.parse(din).withCheck())));

        // her results and her screening come in: she is eligible for the milk she brought
        Staff.asSystem(() -> {
            DonorFixtures.recordNegativePanel(donors, standards, pending.get().id(), today.minusDays(1));
            DonorFixtures.completeScreening(donors, pending.get().id(), today.minusDays(1));
        });
        transactions.executeWithoutResult(tx -> events.publishEvent(
                new DonorCleared(pending.get().id(), pending.get().code(), Instant.now())));

        long deadline = System.currentTimeMillis() + 15_000;
        while (collection.findByDin(din).orElseThrow().state() == ContainerState.HELD
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(donation.get().containers())
                .allSatisfy(c -> assertThat(
                                collection.findByDin(c.din()).orElseThrow().state())
                        .isEqualTo(ContainerState.RAW_FROZEN));
        assertThat(collection.usableForPooling(today)).extracting(c -> c.din()).contains(din);
    }

    @Test
    void donationLabelsDecodeBackToTheirDinsAndAReprintNeedsAReason() throws Exception {
        AtomicReference<DonationView> d = new AtomicReference<>();
        Staff.asSystem(() -> d.set(collection.receive(
                donor.id(),
                List.of(
                        new ContainerIntake(100, today),
                        new ContainerIntake(100, null, today, null, ContainerCondition.BROKEN_SEAL, null),
                        new ContainerIntake(110, today)),
                null)));
        DonationView donation = d.get();
        byte[] pdf = mvc.perform(post("/donations/" + donation.id() + "/labels")
                        .with(csrf())
                        .with(user(technician).roles("LAB_TECHNICIAN"))
                        .param("format", "ROLL_100X50")
                        .param("output", "PDF"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<String> kept =
                donation.accepted().stream().map(l -> l.container().din()).toList();
        assertThat(kept).hasSize(2);
        List<String> decoded = decodeRollPages(pdf);
        assertThat(decoded)
                .containsExactlyInAnyOrderElementsOf(kept.stream()
                        .flatMap(din -> java.util.stream.Stream.of(din, din))
                        .toList());

        mvc.perform(post("/donations/" + donation.id() + "/labels")
                        .with(csrf())
                        .with(user(technician).roles("LAB_TECHNICIAN"))
                        .header("Referer", "/donations/" + donation.id())
                        .param("format", "ROLL_50X25")
                        .param("output", "ZPL"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/donations/" + donation.id() + "/labels")
                        .with(csrf())
                        .with(user(technician).roles("LAB_TECHNICIAN"))
                        .param("format", "ROLL_50X25")
                        .param("output", "ZPL")
                        .param("reason", "label smudged in the freezer"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("^FD=" + kept.get(0) + "00^FS")));
        assertThat(jdbc.sql("select count(*) from label_print where din = :din and reprint and reason is not null")
                        .param("din", kept.get(0))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String slip = text(mvc.perform(get("/donations/" + donation.id() + "/receipt.pdf")
                        .with(user("m").roles("MANAGER")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
        assertThat(slip)
                .contains(donor.code())
                .contains(Din.parse(kept.get(0)).withCheck())
                .contains("Broken seal")
                .contains("2 accepted, 0 held, 1 rejected")
                .contains(donor.familyName());
        String technicianSlip = text(mvc.perform(get("/donations/" + donation.id() + "/receipt.pdf")
                        .with(user(technician).roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
        assertThat(technicianSlip)
                .as("the lab prints her slip with her donor code, never her name")
                .contains(donor.code())
                .doesNotContain(donor.givenName())
                .doesNotContain(donor.familyName());
        mvc.perform(post("/donations/" + donation.id() + "/labels")
                        .with(csrf())
                        .with(user("m").roles("MANAGER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRunsBottlesGetTheirLabelsInOneActionAndTheyDecodeToTheBottleDins() throws Exception {
        var techs = ProcessingFixtures.Technicians.create(context);
        var run = ProcessingFixtures.quarantinedRun(context, techs, 2, 100);
        List<String> bottles = context.getBean(Inventory.class).bottlesOfRun(run.id()).stream()
                .map(b -> b.din())
                .toList();
        byte[] pdf = mvc.perform(post("/runs/" + run.id() + "/labels")
                        .with(csrf())
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN"))
                        .param("format", "ROLL_100X50"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(decodeRollPages(pdf))
                .containsExactlyInAnyOrderElementsOf(bottles.stream()
                        .flatMap(din -> java.util.stream.Stream.of(din, din))
                        .toList());
        assertThat(text(pdf)).contains("M0007");
        mvc.perform(get("/bottles/" + Din.parse(bottles.get(0)).withCheck())
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("M0007")));
        mvc.perform(post("/bottles/" + Din.parse(bottles.get(0)).withCheck() + "/labels")
                        .with(csrf())
                        .header("Referer", "/bottles")
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().is3xxRedirection());
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void aBoxWhoseColdChainBrokeRejectsEveryContainerAndABoxStillOnItsWayReceivesNothing() throws Exception {
        LogisticsManagement logistics = context.getBean(LogisticsManagement.class);
        AtomicReference<BoxView> warm = new AtomicReference<>();
        AtomicReference<BoxView> travelling = new AtomicReference<>();
        Staff.asSystem(() -> {
            var point = logistics.createPoint(
                    new NewCollectionPoint("Clinic " + java.util.UUID.randomUUID(), CollectionPointKind.CLINIC, null));
            Instant departed = Instant.now(clock).minus(java.time.Duration.ofHours(2));
            String code = "BX" + System.nanoTime() % 1_000_000;
            logistics.dispatchBox(code, point.id(), TransportMode.FROZEN, departed, new java.math.BigDecimal("-20"));
            warm.set(logistics.arrive(
                    code, new BoxArrival(new java.math.BigDecimal("-2"), IndicatorState.TRIGGERED, true, null)));
            travelling.set(logistics.dispatchBox(
                    code + "T", point.id(), TransportMode.FROZEN, departed, new java.math.BigDecimal("-20")));
        });
        assertThat(warm.get().verdict().intact()).isFalse();
        String containers = "[{\"volumeMl\":100,\"expressedOn\":\"" + today + "\"},{\"volumeMl\":90,\"expressedOn\":\""
                + today + "\"}]";
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"donorId\":\"" + donor.id() + "\",\"boxId\":\""
                                + warm.get().id() + "\",\"containers\":" + containers + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.boxId").value(warm.get().id().toString()))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.containers[0].rejectReason").value("COLD_CHAIN_BROKEN"))
                .andExpect(jsonPath("$.containers[1].rejectReason").value("COLD_CHAIN_BROKEN"));

        long before = count("raw_container");
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"donorId\":\"" + donor.id() + "\",\"boxId\":\""
                                + travelling.get().id() + "\",\"containers\":" + containers + "}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(count("raw_container")).isEqualTo(before);
    }

    @Test
    void onTheReceptionPageAScannedBrokenBoxRejectsItsMilkAndAnUnknownBoxCodeChangesNothing() throws Exception {
        LogisticsManagement logistics = context.getBean(LogisticsManagement.class);
        String code = "PG" + System.nanoTime() % 1_000_000;
        Staff.asSystem(() -> {
            var point = logistics.createPoint(new NewCollectionPoint(
                    "Depot " + java.util.UUID.randomUUID(), CollectionPointKind.COMMUNITY, null));
            Instant departed = Instant.now(clock).minus(java.time.Duration.ofHours(30));
            logistics.dispatchBox(code, point.id(), TransportMode.FROZEN, departed, new java.math.BigDecimal("-20"));
            logistics.arrive(code, new BoxArrival(new java.math.BigDecimal("-19"), IndicatorState.INTACT, true, null));
        });

        long before = count("raw_container");
        mvc.perform(post("/reception")
                        .with(user(technician).roles("LAB_TECHNICIAN"))
                        .with(csrf())
                        .param("donorCode", donor.code())
                        .param("boxCode", "NO-SUCH-BOX")
                        .param("containers[0].amount", "100")
                        .param("containers[0].unit", "ML")
                        .param("containers[0].expressedOn", today.toString())
                        .param("containers[0].condition", "INTACT"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-testid=\"error-boxCode\"")))
                .andExpect(content().string(containsString("NO-SUCH-BOX")));
        assertThat(count("raw_container")).isEqualTo(before);

        mvc.perform(post("/reception")
                        .with(user(technician).roles("LAB_TECHNICIAN"))
                        .with(csrf())
                        .param("donorCode", donor.code())
                        .param("boxCode", code.toLowerCase())
                        .param("containers[0].amount", "100")
                        .param("containers[0].unit", "ML")
                        .param("containers[0].expressedOn", today.toString())
                        .param("containers[0].condition", "INTACT"))
                .andExpect(status().is3xxRedirection());
        assertThat(count("raw_container")).isEqualTo(before + 1);
        assertThat(jdbc.sql("select reject_reason from raw_container order by din desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("COLD_CHAIN_BROKEN");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Reads every roll page as a scanner would: the Code 128 across the label and the DataMatrix at its left. */
    static List<String> decodeRollPages(byte[] pdf) throws Exception {
        List<String> dins = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 400, ImageType.GRAY);
                dins.add(decode(image, new MultiFormatReader(), BarcodeFormat.CODE_128));
                // the DataMatrix's corner of a 100 × 50 mm label, without the Code 128 beside it
                int side = Math.round(image.getHeight() * 0.3f);
                dins.add(
                        decode(image.getSubimage(0, 0, side, side), new DataMatrixReader(), BarcodeFormat.DATA_MATRIX));
            }
        }
        return dins;
    }

    private static String decode(BufferedImage image, Reader reader, BarcodeFormat format) throws Exception {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(format));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return Din.parse(reader.decode(bitmap, hints).getText()).value();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
