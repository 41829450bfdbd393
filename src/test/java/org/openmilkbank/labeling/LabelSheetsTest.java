package org.openmilkbank.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmilkbank.shared.Din;
import org.springframework.context.support.ResourceBundleMessageSource;

class LabelSheetsTest {

    private final LabelSheets sheets = new LabelSheets(messages());

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void everyPrintedBarcodeDecodesBackToItsDin(LabelFormat format) throws IOException {
        List<Label> labels = IntStream.rangeClosed(1, 4)
                .mapToObj(i -> new Label(
                        Din.of("A0001", 26, 4200 + i),
                        ProductCode.M0007,
                        LocalDate.of(2027, 5, 1),
                        100,
                        List.of("Pool A000126004100")))
                .toList();

        byte[] pdf = sheets.pdf(labels, format, Locale.ENGLISH);

        List<Result> found = decodeAll(pdf, format, labels.size());
        for (Label label : labels) {
            assertThat(found).as("Code 128 of %s", label.din()).anySatisfy(r -> {
                assertThat(r.getBarcodeFormat()).isEqualTo(BarcodeFormat.CODE_128);
                assertThat(Din.parse(r.getText())).isEqualTo(label.din());
            });
            assertThat(found).as("DataMatrix of %s", label.din()).anySatisfy(r -> {
                assertThat(r.getBarcodeFormat()).isEqualTo(BarcodeFormat.DATA_MATRIX);
                assertThat(Din.parse(r.getText())).isEqualTo(label.din());
            });
        }
    }

    @Test
    void vietnameseAndLaoTextIsEmbeddedAndExtractable() throws IOException {
        Label label = new Label(Din.of("A0001", 26, 7), ProductCode.M0006, null, 150, List.of("D00042"));

        String vietnamese = text(sheets.pdf(List.of(label), LabelFormat.ROLL_100X50, Locale.forLanguageTag("vi")));
        String lao = text(sheets.pdf(List.of(label), LabelFormat.ROLL_100X50, Locale.forLanguageTag("lo")));

        assertThat(vietnamese)
                .contains("Sữa mẹ thô")
                .contains("A0001 26 000007 " + label.din().checkCharacter());
        assertThat(lao).contains("ນົມແມ່ດິບ");
    }

    @Test
    void theEyeReadableDinGroupsFacilityYearSequenceAndCheckCharacter() {
        assertThat(LabelSheets.eyeReadable(Din.parse("G123498654321"))).isEqualTo("G1234 98 654321 H");
    }

    @Test
    void zplCarriesBothBarcodesWithTheDinDataStructure() {
        Label label = new Label(Din.of("A0001", 26, 9), ProductCode.M0007, LocalDate.of(2027, 1, 31), 100, List.of());

        String zpl = sheets.zpl(List.of(label, label), LabelFormat.ROLL_50X25, 8, Locale.ENGLISH);

        assertThat(zpl).startsWith("^XA");
        assertThat(zpl.split("\\^XZ", -1)).hasSize(3);
        assertThat(zpl).contains("^BXN,").contains("^BCN,").contains("^FD=A00012600000900^FS");
        assertThat(zpl).contains("EXP 2027-01-31");
    }

    @Test
    void productCodeFollowsStateAndFreezerTemperature() {
        assertThat(ProductCode.forRaw(-20)).isEqualTo(ProductCode.M0006);
        assertThat(ProductCode.forRaw(-30)).isEqualTo(ProductCode.M0003);
        assertThat(ProductCode.forPasteurised(-20)).isEqualTo(ProductCode.M0007);
        assertThat(ProductCode.forPasteurised(-35)).isEqualTo(ProductCode.M0001);
    }

    /** Aims a scanner at each label as a person would: the whole label for Code 128, its square for DataMatrix. */
    private static List<Result> decodeAll(byte[] pdf, LabelFormat format, int count) throws IOException {
        int dpi = 400;
        float pxPerMm = dpi / 25.4f;
        List<Result> results = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < count; i++) {
                int page = i / format.labelsPerPage();
                int slot = i % format.labelsPerPage();
                BufferedImage image = renderer.renderImageWithDPI(page, dpi, ImageType.GRAY);
                float offsetX = (format.pageWidthMm - format.columns * format.labelWidthMm) / 2;
                float offsetY = (format.pageHeightMm - format.rows * format.labelHeightMm) / 2;
                int x = Math.round((offsetX + (slot % format.columns) * format.labelWidthMm) * pxPerMm);
                int y = Math.round((offsetY + (slot / format.columns) * format.labelHeightMm) * pxPerMm);
                int w = Math.round(format.labelWidthMm * pxPerMm);
                int h = Math.min(Math.round(format.labelHeightMm * pxPerMm), image.getHeight() - y);
                BufferedImage cell = image.getSubimage(x, y, w, h);
                decode(cell, new MultiFormatReader(), BarcodeFormat.CODE_128).ifPresent(results::add);
                // aimed at the DataMatrix alone, as a 2-D scanner is
                LabelSheets.Geometry g = LabelSheets.Geometry.of(format.labelHeightMm);
                int side = Math.round((2 * g.margin() + g.barcodes() + 0.5f) * pxPerMm);
                BufferedImage square = cell.getSubimage(0, 0, side, side);
                decode(square, new DataMatrixReader(), BarcodeFormat.DATA_MATRIX)
                        .ifPresent(results::add);
            }
        }
        return results;
    }

    private static java.util.Optional<Result> decode(
            BufferedImage image, com.google.zxing.Reader reader, BarcodeFormat format) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(format));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return java.util.Optional.of(reader.decode(bitmap, hints));
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/labeling");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
