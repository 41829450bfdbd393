package org.openmilkbank.labeling;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.oned.Code128Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Renders labels as PDF (A4 sheets or label-printer rolls) and as ZPL. Each label carries the DIN as a
 * Code 128 and a DataMatrix barcode (the ISBT 128 DIN data structure), the eye-readable DIN with its check
 * character, the ICCBBA product, expiry, volume and context lines. Noto fonts are embedded so that Vietnamese
 * and Lao text prints on any machine.
 */
@Service
public class LabelSheets {

    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final MessageSource messages;

    LabelSheets(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] pdf(List<Label> labels, LabelFormat format, Locale locale) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("No labels to print");
        }
        try (PDDocument document = new PDDocument()) {
            EmbeddedFonts fonts = EmbeddedFonts.into(document);
            PDRectangle size = new PDRectangle(mm(format.pageWidthMm), mm(format.pageHeightMm));
            float offsetX = (format.pageWidthMm - format.columns * format.labelWidthMm) / 2;
            float offsetY = (format.pageHeightMm - format.rows * format.labelHeightMm) / 2;
            for (int start = 0; start < labels.size(); start += format.labelsPerPage()) {
                PDPage page = new PDPage(size);
                document.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
                    List<Label> onPage = labels.subList(start, Math.min(labels.size(), start + format.labelsPerPage()));
                    for (int i = 0; i < onPage.size(); i++) {
                        float x = offsetX + (i % format.columns) * format.labelWidthMm;
                        float top = format.pageHeightMm - offsetY - (i / format.columns) * format.labelHeightMm;
                        drawLabel(cs, fonts, onPage.get(i), x, top, format, locale);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Label PDF could not be written", e);
        }
    }

    /**
     * A plain A4 document (a receipt slip): a bold title, then one line of text each, in the same embedded fonts
     * as the labels so that Vietnamese and Lao print everywhere. An empty line leaves a gap.
     */
    public byte[] document(String title, List<String> lines) {
        try (PDDocument document = new PDDocument()) {
            EmbeddedFonts fonts = EmbeddedFonts.into(document);
            float margin = 18;
            float width = 210 - 2 * margin;
            float size = 10f;
            float step = size * 1.45f / POINTS_PER_MM;
            PDPageContentStream cs = null;
            float y = 0;
            try {
                List<String> all = new ArrayList<>();
                all.add(title);
                all.add("");
                all.addAll(lines);
                for (int i = 0; i < all.size(); i++) {
                    if (cs == null || y < margin) {
                        if (cs != null) {
                            cs.close();
                        }
                        PDPage page = new PDPage(PDRectangle.A4);
                        document.addPage(page);
                        cs = new PDPageContentStream(document, page);
                        y = 297 - margin;
                    }
                    String line = all.get(i);
                    boolean heading = i == 0;
                    if (!line.isEmpty()) {
                        drawText(cs, fonts, line, mm(margin), mm(y), heading ? 14f : size, heading, mm(width));
                    }
                    y -= heading ? step * 1.4f : step;
                }
            } finally {
                if (cs != null) {
                    cs.close();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Document PDF could not be written", e);
        }
    }

    /** ZPL II for Zebra-type label printers, one {@code ^XA…^XZ} block per label, at the printer's resolution. */
    public String zpl(List<Label> labels, LabelFormat format, int dotsPerMm, Locale locale) {
        StringBuilder zpl = new StringBuilder();
        int width = Math.round(format.labelWidthMm * dotsPerMm);
        int height = Math.round(format.labelHeightMm * dotsPerMm);
        int margin = 2 * dotsPerMm;
        int matrix = Math.round(Math.min(format.labelHeightMm - 4, format.labelWidthMm * 0.28f) * dotsPerMm);
        int textX = margin + matrix + 2 * dotsPerMm;
        int barHeight = Math.round(format.labelHeightMm * 0.32f * dotsPerMm);
        int line = Math.max(16, Math.round(format.labelHeightMm * 0.09f * dotsPerMm));
        for (Label label : labels) {
            zpl.append("^XA^CI28^PW").append(width).append("^LL").append(height).append('\n');
            zpl.append("^FO")
                    .append(margin)
                    .append(',')
                    .append(margin)
                    .append("^BXN,")
                    .append(Math.max(2, matrix / 22))
                    .append(",200^FD")
                    .append(label.barcodeData())
                    .append("^FS\n");
            zpl.append("^FO")
                    .append(textX)
                    .append(',')
                    .append(margin)
                    .append("^BY2^BCN,")
                    .append(barHeight)
                    .append(",N,N,N,A^FD")
                    .append(label.barcodeData())
                    .append("^FS\n");
            int y = margin + barHeight + dotsPerMm;
            for (String text : textLines(label, locale)) {
                zpl.append("^FO")
                        .append(textX)
                        .append(',')
                        .append(y)
                        .append("^A0N,")
                        .append(line)
                        .append(',')
                        .append(line)
                        .append("^FD")
                        .append(zplEscape(text))
                        .append("^FS\n");
                y += line + dotsPerMm / 2;
            }
            if (label.bandKey() != null) {
                // a filled box with the warning printed reversed (white on black) across the bottom
                int band = Math.round(format.labelHeightMm * 0.30f * dotsPerMm);
                int big = Math.max(line * 2, band * 2 / 3);
                zpl.append("^FO0,")
                        .append(height - band)
                        .append("^GB")
                        .append(width)
                        .append(',')
                        .append(band)
                        .append(',')
                        .append(band)
                        .append("^FS\n");
                zpl.append("^FO0,")
                        .append(height - band + (band - big) / 2)
                        .append("^FR^A0N,")
                        .append(big)
                        .append(',')
                        .append(big)
                        .append("^FB")
                        .append(width)
                        .append(",1,0,C^FD")
                        .append(zplEscape(message(label.bandKey(), locale)))
                        .append("^FS\n");
            }
            zpl.append("^XZ\n");
        }
        return zpl.toString();
    }

    /** The eye-readable DIN as ISBT 128 prints it: facility, year, sequence, then the check character. */
    public static String eyeReadable(org.openmilkbank.shared.Din din) {
        String v = din.value();
        return v.substring(0, 5) + " " + v.substring(5, 7) + " " + v.substring(7) + " " + din.checkCharacter();
    }

    private List<String> textLines(Label label, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(eyeReadable(label.din()));
        lines.add(label.product().code() + " " + message(label.product().descriptionKey(), locale));
        StringBuilder expiryAndVolume = new StringBuilder();
        if (label.expiresOn() != null) {
            expiryAndVolume.append(message("label.expires", locale)).append(' ').append(DATE.format(label.expiresOn()));
        }
        if (label.volumeMl() != null) {
            expiryAndVolume
                    .append(expiryAndVolume.isEmpty() ? "" : "  ")
                    .append(label.volumeMl())
                    .append(" mL");
        }
        if (!expiryAndVolume.isEmpty()) {
            lines.add(expiryAndVolume.toString());
        }
        lines.addAll(label.lines());
        return lines;
    }

    private void drawLabel(
            PDPageContentStream cs,
            EmbeddedFonts fonts,
            Label label,
            float xMm,
            float topMm,
            LabelFormat format,
            Locale locale)
            throws IOException {
        float margin = 2f;
        float matrixSize = Math.min(format.labelHeightMm - 2 * margin - 4, format.labelWidthMm * 0.28f);
        drawDataMatrix(cs, label.barcodeData(), xMm + margin, topMm - margin - matrixSize, matrixSize);

        float barX = xMm + margin + matrixSize + 2;
        float barWidth = format.labelWidthMm - (barX - xMm) - margin;
        float barHeight = format.labelHeightMm * 0.30f;
        drawCode128(cs, label.barcodeData(), barX, topMm - margin - barHeight, barWidth, barHeight);

        float band = label.bandKey() == null ? 0 : format.labelHeightMm * 0.30f;
        if (band > 0) {
            drawBand(cs, fonts, message(label.bandKey(), locale), xMm, topMm - format.labelHeightMm, format, band);
        }
        List<String> lines = textLines(label, locale);
        float available = format.labelHeightMm - 2 * margin - barHeight - 1 - band;
        float size = Math.min(9f, Math.max(4.5f, available * POINTS_PER_MM / (lines.size() + 0.8f) / 1.15f));
        float y = topMm - margin - barHeight - 1 - size / POINTS_PER_MM;
        for (int i = 0; i < lines.size(); i++) {
            boolean bold = i == 0;
            float lineSize = bold ? size * 1.1f : size;
            drawText(cs, fonts, lines.get(i), mm(barX), mm(y), lineSize, bold, mm(barWidth));
            y -= lineSize * 1.15f / POINTS_PER_MM;
            if (y < topMm - format.labelHeightMm + band + margin / 2) {
                break;
            }
        }
    }

    /** A black band across the bottom of the label with the warning in large white bold type, shrunk to fit. */
    private static void drawBand(
            PDPageContentStream cs,
            EmbeddedFonts fonts,
            String text,
            float xMm,
            float bottomMm,
            LabelFormat format,
            float band)
            throws IOException {
        float inset = 1f;
        cs.setNonStrokingColor(0f, 0f, 0f);
        cs.addRect(mm(xMm + inset), mm(bottomMm + inset), mm(format.labelWidthMm - 2 * inset), mm(band - inset));
        cs.fill();
        List<EmbeddedFonts.Run> runs = fonts.runs(text, true);
        float maxWidth = mm(format.labelWidthMm - 4 * inset);
        float size = band * POINTS_PER_MM * 0.6f;
        float textWidth = width(runs, size);
        if (textWidth > maxWidth) {
            size = size * maxWidth / textWidth;
            textWidth = width(runs, size);
        }
        float x = mm(xMm) + (mm(format.labelWidthMm) - textWidth) / 2;
        float y = mm(bottomMm + inset) + (mm(band - inset) - size * 0.7f) / 2;
        cs.setNonStrokingColor(1f, 1f, 1f);
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (EmbeddedFonts.Run run : runs) {
            cs.setFont(run.font(), size);
            cs.showText(run.text());
        }
        cs.endText();
        cs.setNonStrokingColor(0f, 0f, 0f);
    }

    private static void drawCode128(PDPageContentStream cs, String data, float x, float y, float width, float height)
            throws IOException {
        BitMatrix bars = new Code128Writer()
                .encode(data, BarcodeFormat.CODE_128, 0, 1, Map.of(EncodeHintType.CODE128_COMPACT, true));
        // a quiet zone of ten modules each side keeps the symbol readable next to the DataMatrix
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

    private static void drawDataMatrix(PDPageContentStream cs, String data, float x, float y, float size)
            throws IOException {
        BitMatrix matrix = new DataMatrixWriter()
                .encode(
                        data,
                        BarcodeFormat.DATA_MATRIX,
                        0,
                        0,
                        Map.of(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE));
        // two modules of quiet zone around the symbol
        float module = size / (matrix.getWidth() + 4f);
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    cs.addRect(mm(x + (col + 2) * module), mm(y + size - (row + 3) * module), mm(module), mm(module));
                }
            }
        }
        cs.fill();
    }

    private static void drawText(
            PDPageContentStream cs,
            EmbeddedFonts fonts,
            String text,
            float x,
            float y,
            float size,
            boolean bold,
            float maxWidth)
            throws IOException {
        List<EmbeddedFonts.Run> runs = fit(fonts.runs(text, bold), size, maxWidth, fonts, bold);
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (EmbeddedFonts.Run run : runs) {
            cs.setFont(run.font(), size);
            cs.showText(run.text());
        }
        cs.endText();
    }

    private static List<EmbeddedFonts.Run> fit(
            List<EmbeddedFonts.Run> runs, float size, float maxWidth, EmbeddedFonts fonts, boolean bold)
            throws IOException {
        if (width(runs, size) <= maxWidth) {
            return runs;
        }
        StringBuilder all = new StringBuilder();
        runs.forEach(r -> all.append(r.text()));
        String text = all.toString();
        while (text.length() > 1) {
            text = text.substring(0, text.length() - 1);
            List<EmbeddedFonts.Run> shorter = fonts.runs(text + "…", bold);
            if (width(shorter, size) <= maxWidth) {
                return shorter;
            }
        }
        return fonts.runs(text, bold);
    }

    private static float width(List<EmbeddedFonts.Run> runs, float size) throws IOException {
        float width = 0;
        for (EmbeddedFonts.Run run : runs) {
            width += run.font().getStringWidth(run.text()) / 1000f * size;
        }
        return width;
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String zplEscape(String text) {
        return text.replace("^", " ").replace("~", " ");
    }

    private static float mm(float millimetres) {
        return millimetres * POINTS_PER_MM;
    }
}
