package org.openmilkbank.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Reader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmilkbank.shared.Din;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every label size prints everything a bottle's label says, uncut, in the reader's language and any script a name
 * is written in: no glyph lies outside its label, no character is replaced, and both barcodes scan to the DIN.
 */
class LabelsFitTheirStockTest {

    static final String VIETNAMESE = "Nguyễn Thị Thu Hương Phạm Hoàng Khánh Linh Trần Ngọc Bảo Châu Lê Quỳnh";
    static final String LAO = "ນາງ ສົມສະໄໝ ພົມມະວົງສາ";
    static final String CJK = "王小明 김민준 さくら";
    static final String EMOJI = "🍼👶💛";
    static final String BANK = "Bệnh viện Phụ sản Trung ương — Ngân hàng sữa mẹ 🍼";

    private final ResourceBundleMessageSource messages = messages();
    private final LabelSheets sheets = new LabelSheets(messages, BANK);

    static Label bottle(int sequence, boolean quarantined) {
        return new Label(
                        Din.of("A0001", 26, 4200 + sequence),
                        ProductCode.M0007,
                        LocalDate.of(2027, 5, 1),
                        100,
                        List.of(VIETNAMESE, LAO + " · " + CJK + " " + EMOJI),
                        quarantined ? Label.QUARANTINE : null)
                .ofPool(Din.of("A0001", 26, 4100), LocalDate.of(2026, 11, 2))
                .withNutrients(new Nutrients(67, new BigDecimal("1.1"), new BigDecimal("3.4"), new BigDecimal("7.2")));
    }

    static Stream<Arguments> everyStockInEveryLanguage() {
        return Stream.of(LabelFormat.values())
                .flatMap(f -> Stream.of("en", "vi", "lo")
                        .flatMap(lang -> Stream.of(Arguments.of(f, lang, false), Arguments.of(f, lang, true))));
    }

    @ParameterizedTest(name = "{0} {1} quarantined={2}")
    @MethodSource("everyStockInEveryLanguage")
    void everyGlyphLiesInsideItsLabelAndNothingIsCutOrReplaced(LabelFormat format, String lang, boolean quarantined)
            throws IOException {
        Locale locale = Locale.forLanguageTag(lang);
        int start = format == LabelFormat.A4_SHEET ? 5 : 1;
        List<Label> labels = List.of(bottle(1, quarantined), bottle(2, quarantined), bottle(3, quarantined));

        byte[] pdf = sheets.pdf(labels, format, start, locale);
        keep(pdf, format + "-" + lang + (quarantined ? "-quarantine" : ""));

        List<List<TextPosition>> glyphsByLabel = glyphsByLabel(pdf, format, start, labels.size());
        for (int i = 0; i < labels.size(); i++) {
            List<TextPosition> glyphs = glyphsByLabel.get(i);
            Label label = labels.get(i);
            String text = squeeze(glyphs.stream().map(TextPosition::getUnicode).reduce("", String::concat));
            assertThat(text)
                    .as("label %d on %s in %s", i + 1, format, lang)
                    .contains(squeeze(LabelSheets.eyeReadable(label.din())))
                    .contains(squeeze(
                            label.product().code() + message(label.product().descriptionKey(), locale)))
                    .contains(squeeze(message("label.expiresOn", locale, "2027-05-01")))
                    .contains(squeeze(message("label.volume", locale, "100")))
                    .contains(squeeze(message("label.pool", locale, label.pool().withCheck())))
                    .contains(squeeze(message("label.pasteurisedOn", locale, "2026-11-02")))
                    .contains(squeeze(message("label.nutrients.energy", locale, "67")))
                    .contains(squeeze(BANK))
                    .contains(squeeze(VIETNAMESE))
                    .contains(squeeze(LAO))
                    .contains(squeeze(CJK))
                    .contains(EMOJI)
                    .doesNotContain("?")
                    .doesNotContain("\u25A1")
                    .doesNotContain("…");
            if (quarantined) {
                assertThat(text).contains(squeeze(message(Label.QUARANTINE, locale)));
            }
            if (!lang.equals("en")) {
                assertThat(text)
                        .as("no English word on a label in %s", lang)
                        .doesNotContain("EXP")
                        .doesNotContain("Pool")
                        .doesNotContain("Pasteurised")
                        .doesNotContain("protein")
                        .doesNotContain("QUARANTINE");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void bothBarcodesOfEveryLabelScanToItsDinWhereverTheSheetStarts(LabelFormat format) throws IOException {
        int start = format == LabelFormat.A4_SHEET ? 23 : 1;
        List<Label> labels = List.of(bottle(1, false), bottle(2, true), bottle(3, false));

        byte[] pdf = sheets.pdf(labels, format, start, Locale.forLanguageTag("vi"));

        for (int i = 0; i < labels.size(); i++) {
            int slot = start - 1 + i;
            BufferedImage cell = cell(pdf, format, slot);
            Din din = labels.get(i).din();
            assertThat(decode(cell, new MultiFormatReader(), BarcodeFormat.CODE_128))
                    .as("Code 128 of label %d on %s", i + 1, format)
                    .map(r -> Din.parse(r.getText()))
                    .contains(din);
            // aimed at the DataMatrix alone, as a 2-D scanner is
            LabelSheets.Geometry g = LabelSheets.Geometry.of(format.labelHeightMm);
            int side = Math.round((2 * g.margin() + g.barcodes() + 0.5f) * 400 / 25.4f);
            BufferedImage square = cell.getSubimage(0, 0, side, side);
            assertThat(decode(square, new DataMatrixReader(), BarcodeFormat.DATA_MATRIX))
                    .as("DataMatrix of label %d on %s", i + 1, format)
                    .map(r -> Din.parse(r.getText()))
                    .contains(din);
        }
    }

    @Test
    void aSheetStartedAtAPositionLeavesTheUsedPositionsBlankAndGoesOnOnTheNextSheet() throws IOException {
        List<Label> labels = List.of(bottle(1, false), bottle(2, false), bottle(3, false));

        byte[] pdf = sheets.pdf(labels, LabelFormat.A4_SHEET, 23, Locale.ENGLISH);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
        List<List<TextPosition>> byLabel = glyphsByLabel(pdf, LabelFormat.A4_SHEET, 23, 3);
        assertThat(byLabel).allSatisfy(glyphs -> assertThat(glyphs).isNotEmpty());
    }

    @Test
    void aStartPositionTheStockHasNotIsRefusedBeforeAnythingIsRecorded() {
        // no database behind the record of prints: a refusal must come before it is asked
        LabelPrinter printer = new LabelPrinter(sheets, new LabelPrints(null, null, null));
        List<Label> labels = List.of(bottle(1, false));
        for (int start : new int[] {0, 25, -3}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> printer.print(
                            labels, LabelFormat.A4_SHEET, LabelPrinter.Output.PDF, start, null, Locale.ENGLISH, "x"))
                    .isInstanceOf(org.openmilkbank.shared.RuleViolation.class)
                    .hasMessageContaining("label.print.startOutOfRange [24");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> printer.print(
                        labels, LabelFormat.ROLL_50X25, LabelPrinter.Output.ZPL, 2, null, Locale.ENGLISH, "x"))
                .hasMessageContaining("label.print.startOutOfRange [1");
    }

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void aBottleLabelAsABankPrintsItKeepsLegibleType(LabelFormat format) throws IOException {
        Label label = new Label(
                        Din.of("A0001", 26, 4201), ProductCode.M0007, LocalDate.of(2027, 5, 1), 100, List.of(), null)
                .ofPool(Din.of("A0001", 26, 4100), LocalDate.of(2026, 11, 2));
        LabelSheets bank = new LabelSheets(messages, "");

        byte[] pdf = bank.pdf(List.of(label), format, Locale.forLanguageTag("vi"));
        keep(pdf, "bottle-" + format);

        List<TextPosition> glyphs = glyphsByLabel(pdf, format, 1, 1).get(0);
        assertThat(glyphs)
                .allSatisfy(g -> assertThat(g.getFontSizeInPt())
                        .as("size of '%s'", g.getUnicode())
                        .isGreaterThanOrEqualTo(format == LabelFormat.ROLL_50X25 ? 4.5f : 6f));
        assertThat(squeeze(glyphs.stream().map(TextPosition::getUnicode).reduce("", String::concat)))
                .contains(squeeze(message("label.bank.default", Locale.forLanguageTag("vi"))));
    }

    @Test
    void aDateOrACodeIsNeverBrokenAtItsHyphens() {
        assertThat(LabelSheets.pieces("EXP 2027-05-01 · 王小明"))
                .containsExactly("EXP ", "2027-05-01 ", "· ", "王", "小", "明");
    }

    @ParameterizedTest
    @EnumSource(
            value = LabelFormat.class,
            names = {"ROLL_50X25", "ROLL_100X50"})
    void everyZplFieldBlockFitsTheLabelAtThePrintersResolution(LabelFormat format) throws IOException {
        for (int dotsPerMm : new int[] {8, 12}) {
            for (String lang : List.of("en", "vi", "lo")) {
                for (boolean quarantined : new boolean[] {false, true}) {
                    String zpl =
                            sheets.zpl(List.of(bottle(1, quarantined)), format, dotsPerMm, Locale.forLanguageTag(lang));
                    assertFits(zpl, format, dotsPerMm, quarantined);
                    Files.createDirectories(Path.of("target", "labels"));
                    Files.writeString(Path.of("target", "labels", format + "-" + lang + "-" + dotsPerMm + ".zpl"), zpl);
                    assertThat(zpl)
                            .contains(message("label.expiresOn", Locale.forLanguageTag(lang), "2027-05-01"))
                            .contains(Din.of("A0001", 26, 4100).withCheck())
                            .contains(VIETNAMESE)
                            .contains(BANK);
                }
            }
        }
    }

    private static final Pattern FIELD = Pattern.compile(
            "\\^FO(\\d+),(\\d+)(?:\\^FR)?\\^A0N,(\\d+),(\\d+)\\^FB(\\d+),(\\d+),(\\d+),[LCRJ]\\^FD([^^]*)\\^FS");

    private static void assertFits(String zpl, LabelFormat format, int dotsPerMm, boolean quarantined) {
        int width = Math.round(format.labelWidthMm * dotsPerMm);
        int height = Math.round(format.labelHeightMm * dotsPerMm);
        Matcher m = FIELD.matcher(zpl);
        int fields = 0;
        while (m.find()) {
            fields++;
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            int h = Integer.parseInt(m.group(3));
            int blockWidth = Integer.parseInt(m.group(5));
            int lines = Integer.parseInt(m.group(6));
            int gap = Integer.parseInt(m.group(7));
            String text = m.group(8);
            assertThat(x + blockWidth).as("right edge of %s", text).isLessThanOrEqualTo(width);
            assertThat(y + lines * (h + gap) - gap).as("bottom of %s", text).isLessThanOrEqualTo(height);
            assertThat(LabelSheets.zplLines(text, h, blockWidth))
                    .as("lines %s needs at %d dots", text, h)
                    .isLessThanOrEqualTo(lines);
        }
        assertThat(fields).as("text fields in %s", zpl).isGreaterThanOrEqualTo(7);
        Matcher box = Pattern.compile("\\^FO0,(\\d+)\\^GB").matcher(zpl);
        if (quarantined) {
            assertThat(box.find()).isTrue();
            int bandTop = Integer.parseInt(box.group(1));
            Matcher text = FIELD.matcher(zpl);
            while (text.find()) {
                if (!text.group().contains("^FR")) {
                    int y = Integer.parseInt(text.group(2));
                    int lines = Integer.parseInt(text.group(6));
                    int h = Integer.parseInt(text.group(3));
                    int gap = Integer.parseInt(text.group(7));
                    assertThat(y + lines * (h + gap) - gap)
                            .as("text above the band: %s", text.group(8))
                            .isLessThanOrEqualTo(bandTop);
                }
            }
        }
        Matcher bar = Pattern.compile("\\^FO(\\d+),\\d+\\^BY(\\d+)\\^BCN").matcher(zpl);
        assertThat(bar.find()).isTrue();
        int modules = new com.google.zxing.oned.Code128Writer()
                .encode(
                        "=A00012600420100",
                        BarcodeFormat.CODE_128,
                        0,
                        1,
                        Map.of(com.google.zxing.EncodeHintType.CODE128_COMPACT, true))
                .getWidth();
        assertThat(Integer.parseInt(bar.group(1)) + Integer.parseInt(bar.group(2)) * modules)
                .as("Code 128 inside the label")
                .isLessThanOrEqualTo(width);
    }

    /**
     * The glyphs of each label, checked to lie wholly inside that label's box (its ascent and descent too); a glyph
     * outside every printed label fails.
     */
    static List<List<TextPosition>> glyphsByLabel(byte[] pdf, LabelFormat format, int start, int count)
            throws IOException {
        List<List<TextPosition>> byLabel = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byLabel.add(new ArrayList<>());
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            float pageHeight = document.getPage(0).getMediaBox().getHeight();
            List<List<TextPosition>> byPage = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    byPage.get(getCurrentPageNo() - 1).add(text);
                }
            };
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                byPage.add(new ArrayList<>());
            }
            stripper.getText(document);
            float pt = 72f / 25.4f;
            for (int page = 0; page < byPage.size(); page++) {
                for (TextPosition glyph : byPage.get(page)) {
                    if (glyph.getUnicode().isBlank()) {
                        continue;
                    }
                    float left = glyph.getXDirAdj();
                    float right = left + glyph.getWidthDirAdj();
                    float baseline = glyph.getYDirAdj();
                    float size = glyph.getFontSizeInPt();
                    float above = baseline - Math.max(glyph.getHeightDir(), 0.75f * size);
                    float below = baseline + 0.2f * size;
                    Integer owner = null;
                    for (int i = 0; i < count; i++) {
                        int slot = start - 1 + i;
                        if (slot / format.labelsPerPage() != page) {
                            continue;
                        }
                        LabelSheets.Box box = LabelSheets.box(format, slot % format.labelsPerPage());
                        float boxLeft = box.x() * pt;
                        float boxRight = (box.x() + box.width()) * pt;
                        float boxTop = pageHeight - box.top() * pt;
                        float boxBottom = pageHeight - box.bottom() * pt;
                        if (left >= boxLeft - 0.01f
                                && right <= boxRight + 0.01f
                                && above >= boxTop - 0.01f
                                && below <= boxBottom + 0.01f) {
                            owner = i;
                        }
                    }
                    assertThat(owner)
                            .as(
                                    "'%s' at (%.1f, %.1f) pt on page %d lies inside a label",
                                    glyph.getUnicode(), left, baseline, page + 1)
                            .isNotNull();
                    byLabel.get(owner).add(glyph);
                }
            }
        }
        return byLabel;
    }

    private static BufferedImage cell(byte[] pdf, LabelFormat format, int slot) throws IOException {
        int dpi = 400;
        float pxPerMm = dpi / 25.4f;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image =
                    new PDFRenderer(document).renderImageWithDPI(slot / format.labelsPerPage(), dpi, ImageType.GRAY);
            LabelSheets.Box box = LabelSheets.box(format, slot % format.labelsPerPage());
            int x = Math.round(box.x() * pxPerMm);
            int y = Math.round((format.pageHeightMm - box.top()) * pxPerMm);
            int w = Math.min(Math.round(box.width() * pxPerMm), image.getWidth() - x);
            int h = Math.min(Math.round(box.height() * pxPerMm), image.getHeight() - y);
            return image.getSubimage(x, y, w, h);
        }
    }

    private static Optional<Result> decode(BufferedImage image, Reader reader, BarcodeFormat format) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(format));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return Optional.of(reader.decode(bitmap, hints));
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    /** Renders kept for a person to look at: {@code target/labels/*.pdf}. */
    private static void keep(byte[] pdf, String name) throws IOException {
        Path dir = Path.of("target", "labels");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), pdf);
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/labeling");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
