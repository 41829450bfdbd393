package org.openmilkbank.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmilkbank.shared.Din;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A bottle label printed in quarantine says so in large type, in the bank's language; a released one does not. */
class QuarantineLabelTest {

    private final LabelSheets sheets = new LabelSheets(messages());

    static Label bottle(String bandKey) {
        return new Label(
                Din.of("A0001", 26, 4201), ProductCode.M0007, LocalDate.of(2027, 5, 1), 100, List.of(), bandKey);
    }

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void aQuarantineLabelCarriesTheBandAndAReleasedOneDoesNot(LabelFormat format) throws IOException {
        assertThat(text(sheets.pdf(List.of(bottle(Label.QUARANTINE)), format, Locale.ENGLISH)))
                .contains("QUARANTINE — DO NOT USE");
        assertThat(text(sheets.pdf(List.of(bottle(null)), format, Locale.ENGLISH)))
                .doesNotContain("QUARANTINE");
    }

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void theBandIsInTheBanksLanguage(LabelFormat format) throws IOException {
        assertThat(text(sheets.pdf(List.of(bottle(Label.QUARANTINE)), format, Locale.forLanguageTag("vi"))))
                .contains("CÁCH LY — KHÔNG SỬ DỤNG");
    }

    @ParameterizedTest
    @EnumSource(
            value = LabelFormat.class,
            names = {"ROLL_50X25", "ROLL_100X50"})
    void aQuarantineZplLabelPrintsTheBandReversed(LabelFormat format) {
        String zpl = sheets.zpl(List.of(bottle(Label.QUARANTINE)), format, 8, Locale.ENGLISH);
        assertThat(zpl).contains("^FR").contains("QUARANTINE — DO NOT USE");
        assertThat(sheets.zpl(List.of(bottle(null)), format, 8, Locale.ENGLISH)).doesNotContain("QUARANTINE");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/labeling");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
