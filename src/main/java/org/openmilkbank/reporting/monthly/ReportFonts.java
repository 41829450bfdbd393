package org.openmilkbank.reporting.monthly;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's fonts, the bank's embedded Noto Sans (Latin with Vietnamese diacritics) and Noto Sans Lao, regular
 * and bold, embedded as subsets. The report prints the bank's own words (indicators, profiles, staff names), so
 * these two cover it; a character neither has prints as a white square. (Reporting reads no other module's code,
 * so it does not use labeling's font set.)
 */
final class ReportFonts {

    private record Face(byte[] bytes, BitSet covers) {

        static Face of(String file) {
            byte[] bytes;
            try (InputStream in = ReportFonts.class.getResourceAsStream("/fonts/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("Font missing from the build: " + file);
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            BitSet covers = new BitSet();
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
                CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
                for (int cp = 0x20; cp <= 0xFFFF; cp++) {
                    if (cmap.getGlyphId(cp) > 0) {
                        covers.set(cp);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Font could not be read: " + file, e);
            }
            return new Face(bytes, covers);
        }
    }

    private static final Face LATIN = Face.of("NotoSans-Regular.ttf");
    private static final Face LATIN_BOLD = Face.of("NotoSans-Bold.ttf");
    private static final Face LAO = Face.of("NotoSansLao-Regular.ttf");
    private static final Face LAO_BOLD = Face.of("NotoSansLao-Bold.ttf");
    private static final int NO_GLYPH = 0x25A1;

    record Run(PDType0Font font, String text) {}

    private final PDDocument document;
    private final Map<Face, PDType0Font> loaded = new HashMap<>();

    ReportFonts(PDDocument document) {
        this.document = document;
    }

    List<Run> runs(String text, boolean bold) throws IOException {
        List<Face> faces = bold ? List.of(LATIN_BOLD, LAO_BOLD) : List.of(LATIN, LAO);
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Face currentFace = null;
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.FORMAT || type == Character.CONTROL) {
                continue;
            }
            Face face = currentFace != null
                            && type == Character.NON_SPACING_MARK
                            && currentFace.covers().get(cp)
                    ? currentFace
                    : faces.stream().filter(f -> f.covers().get(cp)).findFirst().orElse(null);
            String printed = Character.toString(cp);
            if (face == null) {
                face = faces.stream()
                        .filter(f -> f.covers().get(NO_GLYPH))
                        .findFirst()
                        .orElse(faces.get(0));
                printed = face.covers().get(NO_GLYPH) ? Character.toString(NO_GLYPH) : " ";
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

    float width(String text, boolean bold, float size) throws IOException {
        float width = 0;
        for (Run run : runs(text, bold)) {
            width += run.font().getStringWidth(run.text()) / 1000f * size;
        }
        return width;
    }

    private PDType0Font font(Face face) throws IOException {
        PDType0Font font = loaded.get(face);
        if (font == null) {
            font = PDType0Font.load(document, new ByteArrayInputStream(face.bytes()), true);
            loaded.put(face, font);
        }
        return font;
    }
}
