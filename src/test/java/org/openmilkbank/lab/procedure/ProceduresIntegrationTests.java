package org.openmilkbank.lab.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.BankProfiles;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A bank's own procedures are edited by its ADMIN only, each edit a version with history; the bench worksheet. */
@IntegrationTest
class ProceduresIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Standards standards;

    @Autowired
    BankProfiles bankProfiles;

    @Autowired
    PoolManagement pools;

    @Autowired
    History history;

    @AfterEach
    void backToHmbana() {
        if (!standards.activeProfile().code().equals("HMBANA")) {
            Staff.asSystem(() -> standards.activate("HMBANA", "test done"));
        }
    }

    static String newCode() {
        return "LAB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    String bankProfileFromNice() {
        String code = newCode();
        Staff.as("admin", Role.ADMIN, () -> bankProfiles.derive(code, "Our bank", "", "NICE"));
        return code;
    }

    /** An edit by the bank's administrator through the API. */
    String edit(String code, String body) throws Exception {
        return mvc.perform(post("/api/v1/lab/procedures/" + code + "/edits")
                        .with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void anAdminRewordsABanksStepAsANewVersionAndTheStandardsVersionStays() throws Exception {
        String profile = bankProfileFromNice();
        String tech =
                Staff.create(context.getBean(org.openmilkbank.identity.IdentityManagement.class), Role.LAB_TECHNICIAN);
        String body =
                "{\"profile\":\"%s\",\"change\":\"REWORD\",\"position\":1,\"text\":\"ປະສົມນົມລວມ 10 ເທື່ອ\",\"reason\":\"our SOP 3.2\"}"
                        .formatted(profile);

        // a technician may read the procedure, not edit it
        mvc.perform(post("/api/v1/lab/procedures/pre-culture/edits")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/lab/procedures/pre-culture?profile=" + profile).with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(post("/api/v1/lab/procedures/pre-culture/edits")
                        .with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.steps[0].text").value("ປະສົມນົມລວມ 10 ເທື່ອ"))
                .andExpect(jsonPath("$.steps[0].own").value(true))
                .andExpect(jsonPath("$.steps[3].text", Matchers.containsString("48")));
        mvc.perform(post("/api/v1/lab/procedures/pre-culture/edits")
                        .with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"profile\":\"%s\",\"change\":\"RETIRE\",\"position\":2,\"reason\":\"labels are pre-printed\"}"
                                        .formatted(profile)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.steps.length()").value(4));

        // every version is kept: the standard's, the reworded one, the one with a step retired
        mvc.perform(get("/api/v1/lab/procedures/pre-culture?profile=" + profile + "&version=1")
                        .with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(jsonPath("$.steps.length()").value(5))
                .andExpect(jsonPath("$.steps[0].own").value(false))
                .andExpect(jsonPath("$.latest").value(false));
        mvc.perform(get("/api/v1/lab/procedures/pre-culture?profile=" + profile + "&version=2")
                        .with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(jsonPath("$.steps.length()").value(5));
        mvc.perform(get("/api/v1/lab/procedures/pre-culture/versions?profile=" + profile)
                        .with(httpBasic(tech, Staff.PASSWORD)))
                .andExpect(jsonPath("$[*].number", Matchers.contains(3, 2)))
                .andExpect(jsonPath("$[0].reason").value("labels are pre-printed"))
                .andExpect(jsonPath("$[0].by").value("admin"));
        assertThat(history.of(Procedures.RECORD_TYPE, Procedures.recordId(profile, Procedure.PRE_CULTURE)))
                .extracting(History.HistoryEntry::reason)
                .containsExactlyInAnyOrder("our SOP 3.2", "labels are pre-printed");
        // the page shows the bank's own words, marked as its own
        mvc.perform(get("/lab/procedures/pre-culture?profile=" + profile)
                        .with(user("t").roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("ປະສົມນົມລວມ 10 ເທື່ອ")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("procedure-edit-form"))));
    }

    @Test
    void aBuiltInStandardsProcedureIsNotEditedAndABadEditChangesNothing() throws Exception {
        String profile = bankProfileFromNice();
        mvc.perform(
                        post("/api/v1/lab/procedures/dornic/edits")
                                .with(httpBasic("admin", "admin-test-password"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"profile\":\"NICE\",\"change\":\"REWORD\",\"position\":1,\"text\":\"x\",\"reason\":\"r\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.procedure.edit.builtIn"));
        mvc.perform(post("/lab/procedures/dornic/edits")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("profile", profile)
                        .param("change", "REWORD")
                        .param("position", "9")
                        .param("text", "ໄຕເຕຣດ")
                        .param("reason", "ours"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("There is no step 9")))
                .andExpect(content().string(Matchers.containsString("ໄຕເຕຣດ")));
        mvc.perform(post("/api/v1/lab/procedures/nothing/edits")
                        .with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"profile\":\"NICE\",\"change\":\"ADD\",\"text\":\"x\",\"reason\":\"r\"}"))
                .andExpect(status().isNotFound());
        assertThat(context.getBean(Procedures.class).versions(profile, Procedure.DORNIC))
                .isEmpty();
    }

    @Test
    void aSampleKeepsTheProcedureVersionItFollowedAndTheWorksheetCarriesItsBarcode() throws Exception {
        String profile = bankProfileFromNice();
        Staff.as("admin", Role.ADMIN, () -> standards.activate(profile, "our own profile"));
        edit(
                "pre-culture",
                "{\"profile\":\"%s\",\"change\":\"ADD\",\"text\":\"Wear a mask\",\"reason\":\"infection control\"}"
                        .formatted(profile));
        mvc.perform(post("/api/v1/lab/procedures/pre-culture/edits")
                        .with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"profile\":\"%s\",\"change\":\"ADD\",\"text\":\"Wear a mask\",\"reason\":\"infection control\"}"
                                        .formatted(profile)))
                .andExpect(jsonPath("$.version").value(3));
        ProcessingFixtures.Technicians techs = ProcessingFixtures.Technicians.create(context);
        Instant received = ProcessingFixtures.agedReceivedAt();
        var donation = ProcessingFixtures.receivedDonation(context, 5, received, 200);
        PoolView[] made = new PoolView[1];
        Staff.as(
                techs.recorder(),
                Role.LAB_TECHNICIAN,
                () -> made[0] = pools.createPool(
                        donation.containers().stream().map(c -> c.id()).toList(), received.plus(Duration.ofHours(1))));
        PoolView pool = made[0];
        String sampleJson = mvc.perform(post("/api/v1/lab/samples")
                        .with(httpBasic(techs.recorder(), Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitCode\":\"%s\",\"purpose\":\"PRE_CULTURE\",\"takenAt\":\"%s\"}"
                                .formatted(pool.dinWithCheck(), received.plus(Duration.ofHours(2)))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.procedure").value("pre-culture"))
                .andExpect(jsonPath("$.procedureVersion").value(3))
                .andExpect(jsonPath("$.procedureProfileCode").value(profile))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String sampleCode = JsonPath.read(sampleJson, "$.code");
        String sampleWithCheck = JsonPath.read(sampleJson, "$.codeWithCheck");
        // a later edit does not change the version the sample followed
        mvc.perform(post("/api/v1/lab/procedures/pre-culture/edits")
                        .with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"profile\":\"%s\",\"change\":\"RETIRE\",\"position\":6,\"reason\":\"masks always worn\"}"
                                        .formatted(profile)))
                .andExpect(jsonPath("$.version").value(4));
        mvc.perform(get("/api/v1/lab/samples/" + JsonPath.read(sampleJson, "$.id"))
                        .with(httpBasic(techs.recorder(), Staff.PASSWORD)))
                .andExpect(jsonPath("$.procedureVersion").value(3));

        for (String lang : List.of("en", "lo")) {
            byte[] pdf = mvc.perform(get("/api/v1/lab/worksheet.pdf?lang=" + lang)
                            .with(httpBasic(techs.recorder(), Staff.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            String text = text(pdf);
            assertThat(text).contains(sampleWithCheck).contains("Wear a mask").doesNotContain("\u25A1");
            if (lang.equals("lo")) {
                assertThat(text)
                        .contains("ໃບງານປະຈຳໂຕະ")
                        .contains("ບົ່ມຢ່າງໜ້ອຍ 48")
                        .contains("ສະບັບ 3");
            } else {
                // the sample is read by the version it followed, not the one edited since
                assertThat(text)
                        .contains("Bench worksheet")
                        .contains("Incubate for at least 48 h")
                        .contains("Culture before pasteurisation · version 3");
            }
            assertThat(barcodes(pdf)).contains(Din.parse(sampleCode));
            keep(pdf, "worksheet-" + lang + ".pdf");
        }

        // the tube's own label: its barcode, its code with the check character, the pool and the purpose in Lao
        byte[] label = mvc.perform(
                        get("/api/v1/lab/samples/" + JsonPath.read(sampleJson, "$.id") + "/label.pdf?lang=lo")
                                .with(httpBasic(techs.recorder(), Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(text(label))
                .contains(sampleWithCheck)
                .contains(pool.dinWithCheck())
                .doesNotContain("\u25A1");
        assertThat(barcodes(label)).containsExactly(Din.parse(sampleCode));
        try (PDDocument document = Loader.loadPDF(label)) {
            var box = document.getPage(0).getMediaBox();
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(box.getWidth() * 25.4f / 72f).isCloseTo(50f, org.assertj.core.data.Offset.offset(0.1f));
            assertThat(box.getHeight() * 25.4f / 72f).isCloseTo(25f, org.assertj.core.data.Offset.offset(0.1f));
        }
        keep(label, "sample-label-lo.pdf");
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Every Code 128 on every page, read as a scanner reads it. */
    static List<Din> barcodes(byte[] pdf) throws Exception {
        List<Din> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 300, ImageType.GRAY);
                Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
                hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128));
                hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
                BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
                try {
                    for (Result r :
                            new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap, hints)) {
                        try {
                            found.add(Din.parse(r.getText()));
                        } catch (RuntimeException notADin) {
                            // a run's code prints as written
                        }
                    }
                } catch (NotFoundException none) {
                    // a page without a barcode
                }
            }
        }
        return found;
    }

    /** Kept for a person to look at: {@code target/worksheets/*.pdf}. */
    static void keep(byte[] pdf, String name) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "worksheets");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name), pdf);
    }
}
