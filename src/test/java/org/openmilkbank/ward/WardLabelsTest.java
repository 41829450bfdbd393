package org.openmilkbank.ward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The syringe label carries the ward's fields and the wristband the infant's number, in the reader's language. */
class WardLabelsTest {

    static final Instant THAWED = Instant.parse("2026-03-04T02:00:00Z");

    final WardLabels labels = new WardLabels(messages(), Clock.fixed(THAWED, ZoneId.of("Asia/Ho_Chi_Minh")));

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/ward");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static AliquotView syringe() {
        return new AliquotView(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "A000126000001-B0",
                "A0001 26 000001 H B0",
                "B0",
                UUID.randomUUID(),
                "HN-1234",
                "Nguyễn Thị An",
                35,
                THAWED.plusSeconds(24 * 3600),
                THAWED,
                THAWED.plusSeconds(600),
                "nurse-lan");
    }

    @Test
    void aSyringeLabelShowsPatientRecordContentsVolumeExpiryThawEnteralUseAndPreparer() throws Exception {
        byte[] pdf = labels.syringes(List.of(syringe()), Locale.ENGLISH);
        write("syringe-en.pdf", pdf);
        assertThat(text(pdf))
                .contains("Nguyễn Thị An")
                .contains("Record no. HN-1234")
                .contains("A0001 26 000001 H B0")
                .contains("Volume: 35 mL")
                .contains("Use by: 2026-03-05 09:00")
                .contains("Thawed: 2026-03-04 09:00")
                .contains("ENTERAL USE ONLY")
                .contains("nurse-lan");
    }

    @Test
    void theLabelsSpeakVietnameseAndLao() throws Exception {
        byte[] vi = labels.syringes(List.of(syringe()), Locale.forLanguageTag("vi"));
        write("syringe-vi.pdf", vi);
        assertThat(text(vi)).contains("CHỈ DÙNG ĐƯỜNG TIÊU HÓA");
        byte[] lo = labels.syringes(List.of(syringe()), Locale.forLanguageTag("lo"));
        write("syringe-lo.pdf", lo);
        assertThat(text(lo)).contains("ໃຊ້ກ່ອນ");
    }

    @Test
    void aWristbandCarriesHerHospitalNumberAsABarcodeAndInWords() throws Exception {
        var infant = new org.openmilkbank.dispensing.InfantView(
                UUID.randomUUID(),
                "HN-1234",
                "Nguyễn",
                "An",
                java.time.LocalDate.parse("2026-02-20"),
                29,
                2,
                1100,
                "NICU",
                true,
                java.time.LocalDate.parse("2026-02-21"),
                "nurse",
                THAWED,
                "nurse",
                true,
                "Nguyễn An",
                false,
                false,
                false);
        byte[] pdf = labels.wristband(infant, Locale.ENGLISH);
        write("wristband-en.pdf", pdf);
        assertThat(text(pdf)).contains("Nguyễn An", "Record no. HN-1234", "Born 2026-02-20 · NICU");
    }

    private static void write(String name, byte[] pdf) throws Exception {
        Path dir = Path.of("target", "ward-labels");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }
}
