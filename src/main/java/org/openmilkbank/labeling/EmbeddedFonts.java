package org.openmilkbank.labeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts every PDF of the bank embeds (labels, slips, reports), so that a name prints as it is written in any
 * script a donor's or an infant's name may use: Noto Sans (Latin with Vietnamese diacritics, Greek, Cyrillic),
 * Noto Sans Lao, WenQuanYi Micro Hei (Chinese, Japanese, Korean) and Symbola (emoji and symbols, monochrome). Each
 * character prints in the first font that has a glyph for it; a font is embedded (as a subset) only when a text
 * of the document needs it.
 */
public final class EmbeddedFonts {

    /** One font file and the code points it has a glyph for, read once. */
    private record Face(String file, byte[] bytes, BitSet covers) {

        static Face of(String file) {
            byte[] bytes = font(file);
            BitSet covers = new BitSet();
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
                CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
                for (int cp = 0x20; cp <= LAST_CODE_POINT; cp++) {
                    if (cmap.getGlyphId(cp) > 0) {
                        covers.set(cp);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Font could not be read: " + file, e);
            }
            return new Face(file, bytes, covers);
        }

        boolean has(int cp) {
            return covers.get(cp);
        }
    }

    private static final int LAST_CODE_POINT = 0x2FFFF;
    private static final Face LATIN = Face.of("NotoSans-Regular.ttf");
    private static final Face LATIN_BOLD = Face.of("NotoSans-Bold.ttf");
    private static final Face LAO = Face.of("NotoSansLao-Regular.ttf");
    private static final Face LAO_BOLD = Face.of("NotoSansLao-Bold.ttf");
    private static final Face CJK = Face.of("WenQuanYiMicroHei-CJK.ttf");
    private static final Face SYMBOLS = Face.of("SymbolaEmoji-Regular.ttf");

    /** In the order a character looks for its glyph; CJK and emoji have no bold face. */
    private static final List<Face> REGULAR = List.of(LATIN, LAO, CJK, SYMBOLS);

    private static final List<Face> BOLD = List.of(LATIN_BOLD, LAO_BOLD, CJK, SYMBOLS);

    /** What prints for a character no font has: a white square, never a question mark that reads as text. */
    private static final int NO_GLYPH = 0x25A1;

    /**
     * What prints for a character no font has but plain letters say as well: the comparison signs the verdicts use
     * ("held 40 min ≥ 62.5 °C") read as {@code >=} rather than as a white square.
     */
    private static final java.util.Map<Integer, String> SPELLED = java.util.Map.of(
            0x2265, ">=", // ≥
            0x2264, "<=", // ≤
            0x2260, "!=" // ≠
            );

    /** A piece of text drawn in one font. */
    public record Run(PDType0Font font, String text) {}

    private final PDDocument document;
    private final java.util.Map<Face, PDType0Font> loaded = new java.util.HashMap<>();

    private EmbeddedFonts(PDDocument document) {
        this.document = document;
    }

    /** The fonts, embedded (as subsets) into the document when a text needs them. */
    public static EmbeddedFonts into(PDDocument document) throws IOException {
        return new EmbeddedFonts(document);
    }

    /** Whether some embedded font has a glyph for the code point. */
    public static boolean printable(int cp) {
        return REGULAR.stream().anyMatch(f -> f.has(cp));
    }

    /**
     * The text as runs of one font each, every character in the first font that has it. Invisible format
     * characters (zero-width joiners, variation selectors) are left out; a combining mark stays in the font of the
     * letter it sits on when that font has it.
     */
    public List<Run> runs(String text, boolean bold) throws IOException {
        List<Face> faces = bold ? BOLD : REGULAR;
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Face currentFace = null;
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            i += Character.charCount(cp);
            if (invisible(cp)) {
                continue;
            }
            Face face =
                    currentFace != null && Character.getType(cp) == Character.NON_SPACING_MARK && currentFace.has(cp)
                            ? currentFace
                            : faces.stream().filter(f -> f.has(cp)).findFirst().orElse(null);
            String printed = Character.toString(cp);
            String spelled = SPELLED.get(cp);
            if (face == null && spelled != null) {
                // spelled out in the font that has its letters, as if it had been typed so
                face = faces.stream()
                        .filter(f -> spelled.chars().allMatch(f::has))
                        .findFirst()
                        .orElse(null);
                printed = spelled;
            }
            if (face == null) {
                printed = Character.toString(NO_GLYPH);
                face = faces.stream().filter(f -> f.has(NO_GLYPH)).findFirst().orElseThrow();
            }
            if (currentFace != null && face != currentFace) {
                runs.add(new Run(font(currentFace), current.toString()));
                current.setLength(0);
            }
            currentFace = face;
            current.append(printed);
        }
        if (currentFace != null && !current.isEmpty()) {
            runs.add(new Run(font(currentFace), current.toString()));
        }
        return runs;
    }

    /** The width of the text in points at the font size. */
    public float width(String text, boolean bold, float size) throws IOException {
        float width = 0;
        for (Run run : runs(text, bold)) {
            width += run.font().getStringWidth(run.text()) / 1000f * size;
        }
        return width;
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT
                || type == Character.CONTROL
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF && !SYMBOLS.has(cp));
    }

    private PDType0Font font(Face face) throws IOException {
        PDType0Font font = loaded.get(face);
        if (font == null) {
            font = PDType0Font.load(document, new ByteArrayInputStream(face.bytes()), true);
            loaded.put(face, font);
        }
        return font;
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
