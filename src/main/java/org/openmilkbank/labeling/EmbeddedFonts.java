package org.openmilkbank.labeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Noto fonts every PDF of the bank embeds (labels, slips, reports), so that Vietnamese and Lao print as they are
 * written; a text is split into runs of one font each, and a character no font has prints as "?".
 */
public final class EmbeddedFonts {

    private static final byte[] LATIN = font("NotoSans-Regular.ttf");
    private static final byte[] LATIN_BOLD = font("NotoSans-Bold.ttf");
    private static final byte[] LAO = font("NotoSansLao-Regular.ttf");
    private static final byte[] LAO_BOLD = font("NotoSansLao-Bold.ttf");

    /** A piece of text drawn in one font. */
    public record Run(PDType0Font font, String text) {}

    private final PDType0Font latin;
    private final PDType0Font latinBold;
    private final PDType0Font lao;
    private final PDType0Font laoBold;

    private EmbeddedFonts(PDDocument document) throws IOException {
        this.latin = load(document, LATIN);
        this.latinBold = load(document, LATIN_BOLD);
        this.lao = load(document, LAO);
        this.laoBold = load(document, LAO_BOLD);
    }

    /** The fonts, embedded (as subsets) into the document. */
    public static EmbeddedFonts into(PDDocument document) throws IOException {
        return new EmbeddedFonts(document);
    }

    /** The text as runs of one font each: Lao script in Noto Sans Lao, everything else in Noto Sans. */
    public List<Run> runs(String text, boolean bold) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PDType0Font currentFont = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean isLao = cp >= 0x0E80 && cp <= 0x0EFF;
            PDType0Font font = isLao ? (bold ? laoBold : lao) : (bold ? latinBold : latin);
            String ch = printable(font, new String(Character.toChars(cp)));
            if (currentFont != null && font != currentFont) {
                runs.add(new Run(currentFont, current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.append(ch);
        }
        if (currentFont != null && !current.isEmpty()) {
            runs.add(new Run(currentFont, current.toString()));
        }
        return runs;
    }

    private static String printable(PDType0Font font, String ch) {
        try {
            font.encode(ch);
            return ch;
        } catch (IOException | IllegalArgumentException e) {
            return "?";
        }
    }

    private static PDType0Font load(PDDocument document, byte[] font) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(font), true);
    }

    private static byte[] font(String name) {
        try (InputStream in = EmbeddedFonts.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the build: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
