package org.openmilkbank.labeling;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prints labels and records the print in one step: the PDF or ZPL is produced only when {@link LabelPrints}
 * accepts the print, so a reprint without a reason yields no second label.
 */
@Service
public class LabelPrinter {

    /** Dots per millimetre of a common 203 dpi label printer. */
    static final int ZPL_DOTS_PER_MM = 8;

    /** A printed file, ready to send to the browser. */
    public record Printout(byte[] content, String contentType, String filename) {}

    /** PDF for any printer (A4 sheets or roll-sized pages), ZPL for a Zebra-type printer. */
    public enum Output {
        PDF,
        ZPL
    }

    private final LabelSheets sheets;
    private final LabelPrints prints;

    LabelPrinter(LabelSheets sheets, LabelPrints prints) {
        this.sheets = sheets;
        this.prints = prints;
    }

    @Transactional
    public Printout print(
            List<Label> labels, LabelFormat format, Output output, String reprintReason, Locale locale, String name) {
        return print(labels, format, output, null, reprintReason, locale, name);
    }

    /**
     * Prints from position {@code start} of the first sheet (1 = top left, row by row; {@code null} = 1), so a
     * partly used A4 sheet can be used up; a position the stock does not have is refused and nothing is recorded.
     */
    @Transactional
    public Printout print(
            List<Label> labels,
            LabelFormat format,
            Output output,
            Integer start,
            String reprintReason,
            Locale locale,
            String name) {
        if (labels == null || labels.isEmpty()) {
            throw new RuleViolation("label.print.nothing");
        }
        LabelFormat stock = format == null ? LabelFormat.A4_SHEET : format;
        Output kind = output == null ? Output.PDF : output;
        if (kind == Output.ZPL && stock == LabelFormat.A4_SHEET) {
            throw new RuleViolation("label.print.zplNeedsRoll");
        }
        int first = start == null ? 1 : start;
        if (first < 1 || first > stock.labelsPerPage()) {
            throw new RuleViolation(
                    "label.print.startOutOfRange", stock.labelsPerPage(), Said.code("label.format." + stock.name()));
        }
        List<Din> dins = labels.stream().map(Label::din).toList();
        prints.record(dins, kind, stock, reprintReason);
        return switch (kind) {
            case PDF -> new Printout(sheets.pdf(labels, stock, first, locale), "application/pdf", name + ".pdf");
            case ZPL ->
                new Printout(
                        sheets.zpl(labels, stock, ZPL_DOTS_PER_MM, locale).getBytes(StandardCharsets.UTF_8),
                        "application/zpl",
                        name + ".zpl");
        };
    }

    /** Whether any of these labels was printed before, so the page asks for the reprint reason up front. */
    public boolean anyPrinted(List<Label> labels) {
        return prints.anyPrinted(labels.stream().map(Label::din).toList());
    }
}
