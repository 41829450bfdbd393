package org.openmilkbank.ward;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.labeling.EmbeddedFonts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The ward's labels as PDF, one label a page: a syringe's (reference section 12: patient, record number, contents,
 * volume, expiry date and time, thaw time, "enteral use only", preparer; a Code 128 barcode of its code) and an
 * infant's wristband (her hospital number as a barcode). Printed dates stay ISO, as on every label.
 */
@Component
public class WardLabels {

    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final ZoneId zone;

    WardLabels(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.zone = clock.getZone();
    }

    /** One 70 × 45 mm label per syringe. */
    public byte[] syringes(List<AliquotView> aliquots, Locale locale) {
        try (PDDocument doc = new PDDocument()) {
            EmbeddedFonts fonts = EmbeddedFonts.into(doc);
            for (AliquotView a : aliquots) {
                PDPage page = new PDPage(new PDRectangle(mm(70), mm(45)));
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 41;
                    text(cs, fonts, a.infantName() == null ? "" : a.infantName(), 3, y, 9, true);
                    y -= 4;
                    text(cs, fonts, message("ward.label.record", locale, a.infantCode()), 3, y, 7, false);
                    y -= 3.5f;
                    text(cs, fonts, message("ward.label.contents", locale, a.shown()), 3, y, 7, false);
                    y -= 3.5f;
                    text(cs, fonts, message("ward.label.volume", locale, a.volumeMl()), 3, y, 7, true);
                    y -= 3.5f;
                    text(cs, fonts, message("ward.label.expires", locale, moment(a.expiresAt())), 3, y, 7, true);
                    y -= 3.5f;
                    text(cs, fonts, message("ward.label.thawed", locale, moment(a.thawedAt())), 3, y, 7, false);
                    y -= 3.5f;
                    text(cs, fonts, message("ward.label.preparer", locale, a.preparedBy()), 3, y, 7, false);
                    y -= 4;
                    text(cs, fonts, message("ward.label.enteral", locale), 3, y, 8, true);
                    code128(cs, a.code(), 3, 2, 64, 9);
                }
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 100 × 25 mm wristband: her name, hospital number, birth date and ward, and the number as a barcode. */
    public byte[] wristband(InfantView infant, Locale locale) {
        try (PDDocument doc = new PDDocument()) {
            EmbeddedFonts fonts = EmbeddedFonts.into(doc);
            PDPage page = new PDPage(new PDRectangle(mm(100), mm(25)));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, fonts, infant.displayName(), 3, 20, 9, true);
                text(cs, fonts, message("ward.label.record", locale, infant.infantCode()), 3, 16, 7, false);
                text(
                        cs,
                        fonts,
                        message(
                                "ward.label.born",
                                locale,
                                String.valueOf(infant.birthDate()),
                                infant.ward() == null ? "" : infant.ward()),
                        3,
                        12.5f,
                        7,
                        false);
                code128(cs, infant.infantCode(), 50, 8, 48, 14);
                text(cs, fonts, infant.infantCode(), 62, 4, 7, false);
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String moment(Instant at) {
        return at == null ? "—" : MOMENT.format(at.atZone(zone));
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static byte[] bytes(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    private static void text(
            PDPageContentStream cs, EmbeddedFonts fonts, String text, float xMm, float yMm, float size, boolean bold)
            throws IOException {
        cs.beginText();
        cs.newLineAtOffset(mm(xMm), mm(yMm));
        for (EmbeddedFonts.Run run : fonts.runs(text, bold)) {
            cs.setFont(run.font(), size);
            cs.showText(run.text());
        }
        cs.endText();
    }

    private static void code128(PDPageContentStream cs, String data, float x, float y, float width, float height)
            throws IOException {
        BitMatrix bars = new Code128Writer()
                .encode(data, BarcodeFormat.CODE_128, 0, 1, Map.of(EncodeHintType.CODE128_COMPACT, true));
        // a quiet zone of ten modules each side
        float module = width / (bars.getWidth() + 20f);
        float start = x + 10 * module;
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int i = 0; i < bars.getWidth(); i++) {
            if (bars.get(i, 0)) {
                cs.addRect(mm(start + i * module), mm(y), mm(module), mm(height));
            }
        }
        cs.fill();
    }

    private static float mm(float millimetres) {
        return millimetres * POINTS_PER_MM;
    }
}
