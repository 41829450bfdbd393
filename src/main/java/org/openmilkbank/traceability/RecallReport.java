package org.openmilkbank.traceability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.openmilkbank.labeling.EmbeddedFonts;
import org.openmilkbank.traceability.RecallPreview.Whereabouts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The closed recall as an A4 PDF in the closing manager's language: source, reason, who and when, the affected
 * units by whereabouts with each hold's outcome, the infants, the tasks. The Noto fonts the labels embed are
 * embedded here too, so Vietnamese and Lao print on any machine. Infants appear by code and ward only.
 */
@Component
class RecallReport {

    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final float MARGIN = 18 * POINTS_PER_MM;
    private static final float SIZE = 9.5f;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final ZoneId zone;

    RecallReport(MessageSource messages, java.time.Clock clock) {
        this.messages = messages;
        this.zone = clock.getZone();
    }

    byte[] pdf(RecallCase recall, Locale locale) {
        List<Line> lines = lines(recall, locale);
        try (PDDocument document = new PDDocument()) {
            Writer w = new Writer(document);
            w.line(new Line(t(locale, "recall.report.title", recall.code()), Style.TITLE));
            for (Line line : lines) {
                w.line(line);
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Recall report could not be written", e);
        }
    }

    List<Line> lines(RecallCase r, Locale l) {
        List<Line> lines = new ArrayList<>();
        lines.add(plain(t(
                l,
                "recall.report.source",
                t(l, "recall.source." + r.source().kind().name()),
                r.sourceLabel())));
        lines.add(plain(t(l, "recall.report.reason", r.reason())));
        lines.add(plain(t(l, "recall.report.opened", when(r.openedAt()), r.openedBy())));
        if (r.closedAt() != null) {
            lines.add(plain(t(l, "recall.report.closed", when(r.closedAt()), r.closedBy())));
            lines.add(plain(t(l, "recall.report.summary", r.closingSummary())));
        }
        lines.add(new Line(t(l, "recall.units.heading", r.units().size()), Style.HEADING));
        RecallPreview preview = r.asPreview();
        for (Whereabouts w : preview.whereaboutsPresent()) {
            lines.add(new Line(t(l, "recall.whereabouts." + w.name()), Style.SUBHEADING));
            for (RecallPreview.Unit u : preview.unitsIn(w)) {
                HoldView hold = r.holdOn(u.id());
                String outcome = hold == null
                        ? t(l, "recall.outcome.notHeld")
                        : hold.outcome() == null
                                ? t(l, "recall.outcome.held")
                                : t(l, "recall.outcome." + hold.outcome().name());
                lines.add(plain("  "
                        + String.join(
                                " · ",
                                u.label(),
                                t(l, "recall.kind." + u.kind().name()),
                                u.state() == null
                                        ? "—"
                                        : messages.getMessage("recall.state." + u.state(), null, u.state(), l),
                                u.place() == null ? "—" : u.place(),
                                outcome)));
            }
        }
        lines.add(new Line(t(l, "recall.infants.heading", preview.infantCount()), Style.HEADING));
        if (r.infants().isEmpty()) {
            lines.add(plain(t(l, "recall.infants.none")));
        }
        for (RecallPreview.Infant i : r.infants()) {
            lines.add(plain("  "
                    + String.join(
                            " · ", i.infantCode(), i.ward() == null ? "—" : i.ward(), i.unitLabel(), when(i.at()))));
        }
        lines.add(new Line(t(l, "recall.tasks.heading", r.tasks().size()), Style.HEADING));
        for (RecallCase.Task task : r.tasks()) {
            RecallCase.Mark m = task.latest();
            String status = t(l, "recall.task.status." + task.status().name());
            String by = m == null ? "" : " · " + when(m.at()) + " · " + m.by();
            String note = m == null || m.note() == null ? "" : " · " + m.note();
            lines.add(plain("  #" + task.number() + " "
                    + t(l, "recall.task.kind." + task.kind().name()) + " " + task.target() + " · " + status + by
                    + note));
        }
        return lines;
    }

    enum Style {
        TITLE,
        HEADING,
        SUBHEADING,
        PLAIN
    }

    record Line(String text, Style style) {}

    private static Line plain(String text) {
        return new Line(text, Style.PLAIN);
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private String when(Instant at) {
        return at == null ? "—" : WHEN.format(at.atZone(zone));
    }

    /** Lays lines down the page, wrapping long ones, turning pages as needed; Lao runs use the Lao font. */
    private static final class Writer {
        private final PDDocument document;
        private final EmbeddedFonts fonts;
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            this.fonts = EmbeddedFonts.into(document);
        }

        void line(Line line) throws IOException {
            float size = switch (line.style()) {
                case TITLE -> 16f;
                case HEADING -> 12f;
                case SUBHEADING -> 10.5f;
                case PLAIN -> SIZE;
            };
            boolean bold = line.style() != Style.PLAIN;
            float before = switch (line.style()) {
                case TITLE -> 0;
                case HEADING -> size * 0.9f;
                case SUBHEADING -> size * 0.4f;
                case PLAIN -> 0;
            };
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> wrapped = wrap(line.text(), size, bold, width);
            y -= before;
            for (String part : wrapped) {
                if (cs == null || y < MARGIN + size) {
                    page();
                }
                y -= size * 1.35f;
                draw(part, MARGIN, y, size, bold);
            }
            if (line.style() == Style.TITLE) {
                y -= size * 0.5f;
            }
        }

        private void page() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            cs = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
            }
        }

        private List<String> wrap(String text, float size, boolean bold, float width) throws IOException {
            List<String> out = new ArrayList<>();
            String rest = text;
            while (width(rest, size, bold) > width) {
                int cut = rest.length();
                while (cut > 1 && width(rest.substring(0, cut), size, bold) > width) {
                    int space = rest.lastIndexOf(' ', cut - 1);
                    cut = space > 0 ? space : cut - 1;
                }
                out.add(rest.substring(0, cut));
                rest = "    " + rest.substring(cut).stripLeading();
            }
            out.add(rest);
            return out;
        }

        private float width(String text, float size, boolean bold) throws IOException {
            float w = 0;
            for (EmbeddedFonts.Run run : fonts.runs(text, bold)) {
                w += run.font().getStringWidth(run.text()) / 1000f * size;
            }
            return w;
        }

        private void draw(String text, float x, float at, float size, boolean bold) throws IOException {
            cs.beginText();
            cs.newLineAtOffset(x, at);
            for (EmbeddedFonts.Run run : fonts.runs(text, bold)) {
                cs.setFont(run.font(), size);
                cs.showText(run.text());
            }
            cs.endText();
        }
    }
}
