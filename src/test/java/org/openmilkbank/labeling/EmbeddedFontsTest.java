package org.openmilkbank.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** What a PDF prints for a text: every character in a font that has it, a white square only for what none can say. */
class EmbeddedFontsTest {

    private static String printed(String text) throws Exception {
        try (PDDocument document = new PDDocument()) {
            return EmbeddedFonts.into(document).runs(text, false).stream()
                    .map(EmbeddedFonts.Run::text)
                    .collect(Collectors.joining());
        }
    }

    @Test
    void comparisonSignsNoFontHasAreSpelledOutRatherThanPrintedAsASquare() throws Exception {
        assertThat(printed("held 40 min ≥ 62.5 °C (needs 30)")).isEqualTo("held 40 min >= 62.5 °C (needs 30)");
        assertThat(printed("ທຸກຫົວວັດ ≤ 4 °C")).isEqualTo("ທຸກຫົວວັດ <= 4 °C").doesNotContain("\u25A1");
    }

    @Test
    void aCharacterNoFontCanSayPrintsAsAWhiteSquare() throws Exception {
        assertThat(printed("a\uE000b")).isEqualTo("a\u25A1b");
    }
}
