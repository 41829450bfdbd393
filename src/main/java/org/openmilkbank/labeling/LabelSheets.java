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
import java.math.BigDecimal;
import java.text.BreakIterator;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.openmilkbank.shared.Din;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Renders labels as PDF (A4 sheets or label-printer rolls) and as ZPL. Each label carries the DIN as a
 * Code 128 and a DataMatrix barcode (the ISBT 128 DIN data structure), the eye-readable DIN with its check
 * character, the ICCBBA product, expiry, volume, a bottle's pool, pasteurisation day and nutrients, the context
 * lines and the bank's name, every word in the reader's language. Text is wrapped and its size shrunk until all
 * of it fits inside the label: nothing is cut.
 */
@Service
public class LabelSheets {

    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    /** Line pitch, and the room above the first baseline and below the last, in font sizes. */
    static final float LEADING = 1.22f;

    static final float ASCENT = 1.05f;
    static final float DESCENT = 0.3f;

    /** Smallest text size tried before a label's text is declared too long for its stock (points). */
    private static final float SMALLEST = 1.5f;

    /** A ZPL font-0 character is at most this wide for its height; a wide (CJK, emoji) one as wide as high. */
    static final float ZPL_CHAR_WIDTH = 0.62f;

    private final MessageSource messages;
    private final String bankName;

    LabelSheets(MessageSource messages) {
        this(messages, "");
    }

    @Autowired
    LabelSheets(MessageSource messages, @Value("${openmilkbank.bank-name:}") String bankName) {
        this.messages = messages;
        this.bankName = bankName == null ? "" : bankName.strip();
    }

    /** One line of a label's text before wrapping: bold and a little larger for the eye-readable DIN. */
    record Item(String text, boolean bold, float scale) {}

    public byte[] pdf(List<Label> labels, LabelFormat format, Locale locale) {
        return pdf(labels, format, 1, locale);
    }

    /**
     * The labels as a PDF, the first at position {@code start} (1 = top left, row by row) of the first sheet, so
     * that a partly used sheet can be used up; the caller checks {@code start} (see {@link LabelPrinter}).
     */
    public byte[] pdf(List<Label> labels, LabelFormat format, int start, Locale locale) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("No labels to print");
        }
        if (start < 1 || start > format.labelsPerPage()) {
            throw new IllegalArgumentException("No position " + start + " on " + format);
        }
        try (PDDocument document = new PDDocument()) {
            EmbeddedFonts fonts = EmbeddedFonts.into(document);
            PDRectangle size = new PDRectangle(mm(format.pageWidthMm), mm(format.pageHeightMm));
            PDPage page = null;
            PDPageContentStream cs = null;
            try {
                for (int i = 0; i < labels.size(); i++) {
                    int slot = start - 1 + i;
                    int onPage = slot % format.labelsPerPage();
                    if (cs == null || onPage == 0) {
                        if (cs != null) {
                            cs.close();
                        }
                        page = new PDPage(size);
                        document.addPage(page);
                        cs = new PDPageContentStream(document, page);
                    }
                    Box box = box(format, onPage);
                    drawLabel(cs, fonts, labels.get(i), box, format, locale);
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
            throw new UncheckedIOException("Label PDF could not be written", e);
        }
    }

    /** A label's place on its page, in millimetres from the page's bottom left. */
    record Box(float x, float bottom, float width, float height) {
        float top() {
            return bottom + height;
        }
    }

    /** The box of the label at {@code slot} (0 = top left, row by row) on a page of the stock. */
    static Box box(LabelFormat format, int slot) {
        float offsetX = (format.pageWidthMm - format.columns * format.labelWidthMm) / 2;
        float offsetY = (format.pageHeightMm - format.rows * format.labelHeightMm) / 2;
        float x = offsetX + (slot % format.columns) * format.labelWidthMm;
        float top = format.pageHeightMm - offsetY - (slot / format.columns) * format.labelHeightMm;
        return new Box(x, top - format.labelHeightMm, format.labelWidthMm, format.labelHeightMm);
    }

    /**
     * A plain A4 document (a receipt slip): a bold title, then the lines of text, each wrapped to the page's
     * width, in the same embedded fonts as the labels so that every script prints. An empty line leaves a gap.
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
                    boolean heading = i == 0;
                    float lineSize = heading ? 14f : size;
                    List<String> wrapped = all.get(i).isEmpty()
                            ? List.of("")
                            : wrap(fonts, all.get(i), heading, lineSize, mm(width), Locale.ROOT);
                    for (String line : wrapped) {
                        if (cs == null || y < margin) {
                            if (cs != null) {
                                cs.close();
                            }
                            PDPage page = new PDPage(PDRectangle.A4);
                            document.addPage(page);
                            cs = new PDPageContentStream(document, page);
                            y = 297 - margin;
                        }
                        if (!line.isEmpty()) {
                            drawText(cs, fonts, line, mm(margin), mm(y), lineSize, heading);
                        }
                        y -= heading ? step * 1.4f : step;
                    }
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

    /**
     * ZPL II for Zebra-type label printers, one {@code ^XA…^XZ} block per label, at the printer's resolution.
     * Every text is a field block ({@code ^FB}) as wide as the label's text area, so the printer wraps it inside
     * the label; its size is chosen so that all blocks, wrapped at a conservative character width, fit the height.
     */
    public String zpl(List<Label> labels, LabelFormat format, int dotsPerMm, Locale locale) {
        StringBuilder zpl = new StringBuilder();
        int width = Math.round(format.labelWidthMm * dotsPerMm);
        int height = Math.round(format.labelHeightMm * dotsPerMm);
        Geometry g = Geometry.of(format.labelHeightMm);
        int margin = Math.round(g.margin() * dotsPerMm);
        int barcodes = Math.round(g.barcodes() * dotsPerMm);
        for (Label label : labels) {
            zpl.append("^XA^CI28^PW").append(width).append("^LL").append(height).append('\n');
            BitMatrix matrix = dataMatrix(label.barcodeData());
            int moduleDots = Math.max(2, barcodes / (matrix.getWidth() + 2));
            zpl.append("^FO")
                    .append(margin)
                    .append(',')
                    .append(margin)
                    .append("^BXN,")
                    .append(moduleDots)
                    .append(",200^FD")
                    .append(label.barcodeData())
                    .append("^FS\n");
            int matrixDots = moduleDots * (matrix.getWidth() + 2);
            int barX = margin + matrixDots + dotsPerMm;
            int modules = code128(label.barcodeData()).getWidth();
            // ten modules of quiet zone before the bars; after them the label's edge (the roll's liner is blank)
            int barModule = Math.max(1, Math.min(4, (width - barX) / (modules + 10)));
            zpl.append("^FO")
                    .append(barX + 10 * barModule)
                    .append(',')
                    .append(margin)
                    .append("^BY")
                    .append(barModule)
                    .append("^BCN,")
                    .append(barcodes)
                    .append(",N,N,N,A^FD")
                    .append(label.barcodeData())
                    .append("^FS\n");
            int band = label.bandKey() == null ? 0 : Math.round(g.band() * dotsPerMm);
            int textTop = margin + barcodes + dotsPerMm;
            int textWidth = width - 2 * margin;
            int available = height - band - margin - textTop;
            List<Item> items = items(label, locale);
            int size = zplSize(items, textWidth, available, dotsPerMm);
            int gap = Math.max(1, Math.round(size * (LEADING - 1)));
            int y = textTop;
            for (Item item : items) {
                int h = Math.round(size * item.scale());
                int lines = zplLines(item.text(), h, textWidth);
                zpl.append("^FO")
                        .append(margin)
                        .append(',')
                        .append(y)
                        .append("^A0N,")
                        .append(h)
                        .append(',')
                        .append(h)
                        .append("^FB")
                        .append(textWidth)
                        .append(',')
                        .append(lines)
                        .append(',')
                        .append(gap)
                        .append(",L^FD")
                        .append(zplEscape(item.text()))
                        .append("^FS\n");
                y += lines * (h + gap);
            }
            if (band > 0) {
                // a filled box with the warning printed reversed (white on black) across the bottom
                String warning = message(label.bandKey(), locale);
                int big = Math.round(band * 0.6f);
                int fits = Math.round((width - 2 * margin) / Math.max(1f, zplTextWidth(warning, 1f)));
                big = Math.max(dotsPerMm, Math.min(big, fits));
                zpl.append("^FO0,")
                        .append(height - band)
                        .append("^GB")
                        .append(width)
                        .append(',')
                        .append(band)
                        .append(',')
                        .append(band)
                        .append("^FS\n");
                zpl.append("^FO")
                        .append(margin)
                        .append(',')
                        .append(height - band + (band - big) / 2)
                        .append("^FR^A0N,")
                        .append(big)
                        .append(',')
                        .append(big)
                        .append("^FB")
                        .append(width - 2 * margin)
                        .append(",1,0,C^FD")
                        .append(zplEscape(warning))
                        .append("^FS\n");
            }
            zpl.append("^XZ\n");
        }
        return zpl.toString();
    }

    /** The largest character height (dots) at which every text block, wrapped, fits the text area's height. */
    private static int zplSize(List<Item> items, int width, int available, int dotsPerMm) {
        int size = Math.round(3.5f * dotsPerMm);
        while (size > 8) {
            int gap = Math.max(1, Math.round(size * (LEADING - 1)));
            int used = 0;
            for (Item item : items) {
                int h = Math.round(size * item.scale());
                used += zplLines(item.text(), h, width) * (h + gap);
            }
            if (used <= available) {
                return size;
            }
            size--;
        }
        return size;
    }

    /** How many lines a text of character height {@code h} takes in a field block {@code width} dots wide. */
    static int zplLines(String text, int h, int width) {
        int lines = 1;
        float line = 0;
        for (String word : text.split(" ", -1)) {
            float w = zplTextWidth(word, h);
            float space = line == 0 ? 0 : zplTextWidth(" ", h);
            if (line > 0 && line + space + w > width) {
                lines++;
                line = 0;
                space = 0;
            }
            while (w > width) {
                // a word longer than the line (a Lao or CJK name has no spaces): the printer breaks it
                lines++;
                w -= width;
            }
            line += space + w;
        }
        return lines;
    }

    /** A conservative width of the text in ZPL font 0 at character height {@code h}: wide characters count double. */
    static float zplTextWidth(String text, float h) {
        float w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            w += (wide(cp) ? 1.0f : ZPL_CHAR_WIDTH) * h;
        }
        return w;
    }

    private static boolean wide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || cp >= 0x1F000;
    }

    /** The eye-readable DIN as ISBT 128 prints it: facility, year, sequence, then the check character. */
    public static String eyeReadable(Din din) {
        String v = din.value();
        return v.substring(0, 5) + " " + v.substring(5, 7) + " " + v.substring(7) + " " + din.checkCharacter();
    }

    /** The bank's name as it prints: the configured name, or "Human milk bank" in the reader's language. */
    String bankName(Locale locale) {
        return bankName.isEmpty() ? message("label.bank.default", locale) : bankName;
    }

    /** Everything a label says, in print order, in the reader's language. */
    List<Item> items(Label label, Locale locale) {
        List<Item> items = new ArrayList<>();
        items.add(new Item(eyeReadable(label.din()), true, 1.15f));
        items.add(
                new Item(label.product().code() + " " + message(label.product().descriptionKey(), locale), false, 1f));
        List<String> expiryAndVolume = new ArrayList<>();
        if (label.expiresOn() != null) {
            expiryAndVolume.add(message("label.expiresOn", locale, DATE.format(label.expiresOn())));
        }
        if (label.volumeMl() != null) {
            expiryAndVolume.add(message(
                    "label.volume",
                    locale,
                    NumberFormat.getIntegerInstance(locale).format(label.volumeMl())));
        }
        if (!expiryAndVolume.isEmpty()) {
            items.add(new Item(String.join(" · ", expiryAndVolume), true, 1f));
        }
        List<String> pool = new ArrayList<>();
        if (label.pool() != null) {
            pool.add(message("label.pool", locale, label.pool().withCheck()));
        }
        if (label.pasteurisedOn() != null) {
            pool.add(message("label.pasteurisedOn", locale, DATE.format(label.pasteurisedOn())));
        }
        if (label.nutrients() != null && label.nutrients().measured()) {
            pool.add(nutrients(label.nutrients(), locale));
        }
        if (!pool.isEmpty()) {
            // one flow, wrapped where the label is narrow: a wide label keeps its height for larger type
            items.add(new Item(String.join(" · ", pool), false, 1f));
        }
        label.lines().forEach(line -> items.add(new Item(line, false, 1f)));
        items.add(new Item(bankName(locale), true, 1f));
        return items;
    }

    private String nutrients(Nutrients n, Locale locale) {
        NumberFormat one = NumberFormat.getNumberInstance(locale);
        one.setMinimumFractionDigits(1);
        one.setMaximumFractionDigits(1);
        List<String> parts = new ArrayList<>();
        if (n.energyKcalPerDl() != null) {
            parts.add(message(
                    "label.nutrients.energy",
                    locale,
                    NumberFormat.getIntegerInstance(locale).format(n.energyKcalPerDl())));
        }
        addGrams(parts, "label.nutrients.protein", n.proteinG(), one, locale);
        addGrams(parts, "label.nutrients.fat", n.fatG(), one, locale);
        addGrams(parts, "label.nutrients.carbohydrate", n.carbohydrateG(), one, locale);
        return message("label.nutrients", locale, String.join(" · ", parts));
    }

    private void addGrams(List<String> parts, String key, BigDecimal grams, NumberFormat format, Locale locale) {
        if (grams != null) {
            parts.add(message(key, locale, format.format(grams)));
        }
    }

    /** Where the parts of a label go, in millimetres: the same proportions on every stock. */
    record Geometry(float margin, float barcodes, float band) {
        static Geometry of(float height) {
            float margin = Math.max(1.5f, Math.min(2.5f, height * 0.05f));
            // a Code 128 scans at 6 mm high; taller bars only take the text's room
            float barcodes = Math.min(height * 0.3f, 9f);
            float band = Math.min(7f, Math.max(4f, height * 0.14f));
            return new Geometry(margin, barcodes, band);
        }
    }

    private void drawLabel(
            PDPageContentStream cs, EmbeddedFonts fonts, Label label, Box box, LabelFormat format, Locale locale)
            throws IOException {
        Geometry g = Geometry.of(box.height());
        float matrixSize = g.barcodes();
        float top = box.top() - g.margin();
        drawDataMatrix(cs, label.barcodeData(), box.x() + g.margin(), top - matrixSize, matrixSize);

        float barX = box.x() + g.margin() + matrixSize + 1;
        float barWidth = box.x() + box.width() - g.margin() - barX;
        drawCode128(cs, label.barcodeData(), barX, top - g.barcodes(), barWidth, g.barcodes());

        float band = label.bandKey() == null ? 0 : g.band();
        if (band > 0) {
            drawBand(cs, fonts, message(label.bandKey(), locale), box, band);
        }
        float textTop = top - g.barcodes() - 0.8f;
        float textBottom = box.bottom() + band + (band > 0 ? 0.6f : g.margin());
        float textLeft = box.x() + g.margin();
        float textWidth = box.width() - 2 * g.margin();
        List<Item> items = items(label, locale);
        Fitted fitted = fit(fonts, items, mm(textWidth), mm(textTop - textBottom), locale);
        float y = mm(textTop);
        boolean first = true;
        for (Line line : fitted.lines()) {
            float size = fitted.size() * line.scale();
            y -= first ? ASCENT * size : LEADING * size;
            first = false;
            drawText(cs, fonts, line.text(), mm(textLeft), y, size, line.bold());
        }
    }

    /** A wrapped line and the size it prints at. */
    record Line(String text, boolean bold, float scale) {}

    record Fitted(float size, List<Line> lines) {}

    /**
     * The largest size (points, at most the stock's) at which all items, wrapped to the width, fit the height;
     * at the smallest size the text still prints whole rather than cut.
     */
    private static Fitted fit(EmbeddedFonts fonts, List<Item> items, float width, float height, Locale locale)
            throws IOException {
        Fitted best = null;
        for (float size = Math.min(10f, height / LEADING); size >= SMALLEST; size -= 0.25f) {
            Fitted fitted = wrapAll(fonts, items, size, width, locale);
            if (heightOf(fitted) <= height) {
                return fitted;
            }
            best = fitted;
        }
        return best == null ? wrapAll(fonts, items, SMALLEST, width, locale) : best;
    }

    private static Fitted wrapAll(EmbeddedFonts fonts, List<Item> items, float size, float width, Locale locale)
            throws IOException {
        List<Line> lines = new ArrayList<>();
        for (Item item : items) {
            for (String text : wrap(fonts, item.text(), item.bold(), size * item.scale(), width, locale)) {
                lines.add(new Line(text, item.bold(), item.scale()));
            }
        }
        return new Fitted(size, lines);
    }

    /** Height in points the wrapped lines take: the first line's ascent, the pitch of the others, a descent. */
    private static float heightOf(Fitted fitted) {
        float h = 0;
        for (int i = 0; i < fitted.lines().size(); i++) {
            float size = fitted.size() * fitted.lines().get(i).scale();
            h += i == 0 ? ASCENT * size : LEADING * size;
        }
        float lastSize = fitted.lines().isEmpty()
                ? 0
                : fitted.size() * fitted.lines().get(fitted.lines().size() - 1).scale();
        return h + DESCENT * lastSize;
    }

    /**
     * The text broken into lines no wider than {@code width} points: at spaces and between ideographs (see
     * {@link #pieces}), and inside a word only when one word is wider than the line, never inside a letter and its
     * marks.
     */
    static List<String> wrap(EmbeddedFonts fonts, String text, boolean bold, float size, float width, Locale locale)
            throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String piece : pieces(text)) {
            String candidate = line + piece;
            if (fonts.width(candidate.stripTrailing(), bold, size) <= width) {
                line.append(piece);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            if (fonts.width(piece.stripTrailing(), bold, size) <= width) {
                line.append(piece);
                continue;
            }
            // a word wider than the line: break it between characters (grapheme clusters)
            BreakIterator chars = BreakIterator.getCharacterInstance(locale);
            chars.setText(piece);
            int cs = chars.first();
            for (int ce = chars.next(); ce != BreakIterator.DONE; cs = ce, ce = chars.next()) {
                String ch = piece.substring(cs, ce);
                if (!line.isEmpty() && fonts.width((line + ch).stripTrailing(), bold, size) > width) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                }
                line.append(ch);
            }
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    /**
     * The text cut where a line may break: after a space, and around a wide (CJK, emoji) character; never at a
     * hyphen, so that a date or a code stays whole. Each piece keeps its trailing spaces.
     */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean space = Character.isWhitespace(cp);
            if (!piece.isEmpty() && !space) {
                int last = piece.codePointBefore(piece.length());
                if (Character.isWhitespace(last) || wide(cp) || wide(last)) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                }
            }
            piece.appendCodePoint(cp);
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    /** A black band across the bottom of the label with the warning in large white bold type, shrunk to fit. */
    private static void drawBand(PDPageContentStream cs, EmbeddedFonts fonts, String text, Box box, float band)
            throws IOException {
        float inset = 1f;
        cs.setNonStrokingColor(0f, 0f, 0f);
        cs.addRect(mm(box.x() + inset), mm(box.bottom() + inset), mm(box.width() - 2 * inset), mm(band - inset));
        cs.fill();
        float maxWidth = mm(box.width() - 4 * inset);
        float size = band * POINTS_PER_MM * 0.5f;
        float textWidth = fonts.width(text, true, size);
        if (textWidth > maxWidth) {
            size = size * maxWidth / textWidth;
            textWidth = fonts.width(text, true, size);
        }
        float x = mm(box.x()) + (mm(box.width()) - textWidth) / 2;
        float y = mm(box.bottom() + inset) + (mm(band - inset) - size * 0.7f) / 2;
        cs.setNonStrokingColor(1f, 1f, 1f);
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (EmbeddedFonts.Run run : fonts.runs(text, true)) {
            cs.setFont(run.font(), size);
            cs.showText(run.text());
        }
        cs.endText();
        cs.setNonStrokingColor(0f, 0f, 0f);
    }

    private static BitMatrix code128(String data) {
        return new Code128Writer()
                .encode(data, BarcodeFormat.CODE_128, 0, 1, Map.of(EncodeHintType.CODE128_COMPACT, true));
    }

    private static BitMatrix dataMatrix(String data) {
        return new DataMatrixWriter()
                .encode(
                        data,
                        BarcodeFormat.DATA_MATRIX,
                        0,
                        0,
                        Map.of(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE));
    }

    private static void drawCode128(PDPageContentStream cs, String data, float x, float y, float width, float height)
            throws IOException {
        BitMatrix bars = code128(data);
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
        BitMatrix matrix = dataMatrix(data);
        // one module of quiet zone around the symbol
        float module = size / (matrix.getWidth() + 2f);
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    cs.addRect(mm(x + (col + 1) * module), mm(y + size - (row + 2) * module), mm(module), mm(module));
                }
            }
        }
        cs.fill();
    }

    private static void drawText(
            PDPageContentStream cs, EmbeddedFonts fonts, String text, float x, float y, float size, boolean bold)
            throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (EmbeddedFonts.Run run : fonts.runs(text, bold)) {
            cs.setFont(run.font(), size);
            cs.showText(run.text());
        }
        cs.endText();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String zplEscape(String text) {
        return text.replace("^", " ").replace("~", " ");
    }

    private static float mm(float millimetres) {
        return millimetres * POINTS_PER_MM;
    }
}
