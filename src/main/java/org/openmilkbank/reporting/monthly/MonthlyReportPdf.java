package org.openmilkbank.reporting.monthly;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.openmilkbank.shared.web.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The monthly report as an A4 PDF in the language asked for: the bank and the month, the standard profile in
 * force, a table of every indicator (this month, last month, the target and whether it is met), the trend of each
 * over twelve months drawn as vector bars, and the sign-off. Long tables and many charts run onto further pages;
 * a text too long for its column wraps, so nothing is cut off.
 */
@Component
public class MonthlyReportPdf {

    private static final float MM = 72f / 25.4f;
    private static final float MARGIN = 18 * MM;
    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;
    private static final float BOTTOM = MARGIN + 14;
    /** Indicator, unit, this month, last month, target: their widths, summing to the page's width. */
    private static final float[] COLUMNS = {WIDTH * 0.36f, WIDTH * 0.12f, WIDTH * 0.14f, WIDTH * 0.14f, WIDTH * 0.24f};

    private static final Color INK = Color.BLACK;
    private static final Color GREY = new Color(0x6c, 0x75, 0x7d);
    private static final Color RULE = new Color(0xce, 0xd4, 0xda);
    private static final Color BAR = new Color(0x2d, 0x5f, 0x73);
    private static final Color BAR_THIS = new Color(0x19, 0x87, 0x54);
    private static final Color TARGET = new Color(0xc0, 0x39, 0x2b);

    private final MessageSource messages;
    private final String bankName;
    private final Formats fmt;

    MonthlyReportPdf(MessageSource messages, Formats fmt, @Value("${openmilkbank.bank-name:}") String bankName) {
        this.messages = messages;
        this.fmt = fmt;
        this.bankName = bankName == null ? "" : bankName.strip();
    }

    /** The bank's name, as labels print it; the bundle's word for "the milk bank" when none is configured. */
    public String bankName(Locale locale) {
        return bankName.isEmpty() ? t(locale, "reporting.monthly.bank.default") : bankName;
    }

    /**
     * @param signOffs the month's sign-offs, oldest first
     * @param stillAsSigned whether the numbers computed now are those the sign-off in force attested
     */
    public byte[] pdf(MonthView view, List<SignOffView> signOffs, boolean stillAsSigned, Instant printedAt, Locale l) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(t(l, "reporting.monthly.pdf.title", month(view.month(), l)));
            info.setCreator("OpenMilkBank");
            Writer w = new Writer(document, new ReportFonts(document));
            w.newPage();

            w.text(bankName(l), true, 12, INK);
            w.text(t(l, "reporting.monthly.pdf.title", month(view.month(), l)), true, 16, INK);
            w.text(
                    t(
                            l,
                            view.soFar() ? "reporting.monthly.period.soFar" : "reporting.monthly.period",
                            fmtDate(view.from(), l),
                            fmtDate(view.to(), l)),
                    false,
                    10,
                    INK);
            w.text(t(l, "reporting.monthly.profile", profileName(view.profile(), l)), false, 10, INK);
            w.text(t(l, "reporting.monthly.pdf.printed", fmtDateTime(printedAt, l)), false, 9, GREY);
            w.gap(8);

            w.heading(t(l, "reporting.monthly.table"));
            String[] header = {
                t(l, "reporting.monthly.col.indicator"),
                t(l, "reporting.monthly.col.unit"),
                t(l, "reporting.monthly.col.thisMonth", month(view.month(), l)),
                t(l, "reporting.monthly.col.lastMonth", month(view.lastMonth(), l)),
                t(l, "reporting.monthly.col.target")
            };
            w.row(header, true);
            for (MonthView.Row r : view.rows()) {
                String[] cells = {
                    r.total()
                            ? t(l, "report.indicator." + r.code() + ".name")
                            : "   " + t(l, "report.breakdown." + r.breakdown()),
                    t(l, "enum.IndicatorUnit." + r.unit().name()),
                    value(r.thisMonth(), l),
                    value(r.lastMonth(), l),
                    target(r, l)
                };
                if (w.row(cells, false)) {
                    w.row(header, true);
                }
            }
            w.gap(10);

            w.heading(t(l, "reporting.monthly.trends"));
            List<MonthView.Row> totals =
                    view.rows().stream().filter(MonthView.Row::total).toList();
            for (int i = 0; i < totals.size(); i += 2) {
                w.charts(view, totals.subList(i, Math.min(i + 2, totals.size())), l);
            }
            w.gap(10);

            w.heading(t(l, "reporting.monthly.signOff"));
            SignOffView inForce =
                    signOffs.stream().filter(SignOffView::inForce).findFirst().orElse(null);
            if (inForce == null) {
                w.text(t(l, "reporting.monthly.notSigned"), true, 10, INK);
            } else {
                for (SignOffView s : signOffs) {
                    w.text(
                            t(
                                    l,
                                    s.inForce() ? "reporting.monthly.signedBy" : "reporting.monthly.supersededSignOff",
                                    s.signedBy(),
                                    fmtDateTime(s.signedAt(), l)),
                            s.inForce(),
                            10,
                            s.inForce() ? INK : GREY);
                    if (s.reason() != null) {
                        w.text(t(l, "reporting.monthly.correctionReason", s.reason()), false, 9, GREY);
                    }
                }
                w.text(t(l, "reporting.monthly.digest", inForce.digest()), false, 8, GREY);
                w.text(
                        t(l, stillAsSigned ? "reporting.monthly.asSigned" : "reporting.monthly.changedSinceSigned"),
                        !stillAsSigned,
                        10,
                        stillAsSigned ? INK : TARGET);
            }
            w.close();
            w.footers(l);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The monthly report could not be written", e);
        }
    }

    String month(YearMonth month, Locale l) {
        return t(l, "reporting.monthly.month", month.getYear(), month.getMonthValue());
    }

    private String profileName(ProfileInForce profile, Locale l) {
        return profile.builtIn() ? t(l, profile.nameKey()) : profile.storedName();
    }

    private String target(MonthView.Row r, Locale l) {
        if (r.target() == null) {
            return t(l, "reporting.monthly.noTarget");
        }
        String target = t(
                l,
                "reporting.monthly.target",
                t(l, "enum.TargetDirection." + r.target().direction().name()),
                value(r.target().value(), l));
        if (r.met() == null) {
            return target;
        }
        return target + " · " + t(l, r.met() ? "reporting.monthly.met" : "reporting.monthly.notMet");
    }

    private String value(BigDecimal v, Locale l) {
        return v == null ? t(l, "reporting.monthly.none") : Formats.number(v, l);
    }

    private String fmtDate(java.time.LocalDate d, Locale l) {
        return fmt.date(d, l);
    }

    private String fmtDateTime(Instant at, Locale l) {
        return fmt.dateTime(at, l);
    }

    private String t(Locale l, String key, Object... args) {
        return messages.getMessage(key, args, key, l);
    }

    /** Writes down the page, opening a new page when the next thing does not fit. */
    private final class Writer {

        private final PDDocument document;
        private final ReportFonts fonts;
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument document, ReportFonts fonts) {
            this.document = document;
            this.fonts = fonts;
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(SIZE);
            document.addPage(page);
            cs = new PDPageContentStream(document, page);
            y = SIZE.getHeight() - MARGIN;
        }

        /** Makes room for {@code height} points; true when that took a new page. */
        boolean room(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
                return true;
            }
            return false;
        }

        void gap(float points) {
            y -= points;
        }

        void heading(String text) throws IOException {
            room(40);
            text(text, true, 12, INK);
            gap(2);
        }

        void text(String text, boolean bold, float size, Color colour) throws IOException {
            for (String line : wrap(text, bold, size, WIDTH)) {
                float lead = size * 1.45f;
                room(lead);
                y -= lead;
                show(line, bold, size, MARGIN, y, colour);
            }
        }

        /** A table row; its cells wrap within their columns. True when it opened a new page. */
        boolean row(String[] cells, boolean header) throws IOException {
            float size = header ? 8.5f : 9f;
            float lead = size * 1.35f;
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < cells.length; c++) {
                List<String> cell = wrap(cells[c], header, size, COLUMNS[c] - 6);
                wrapped.add(cell);
                lines = Math.max(lines, cell.size());
            }
            float height = lines * lead + 5;
            boolean turned = room(height);
            if (turned && header) {
                turned = false;
            }
            float x = MARGIN;
            for (int c = 0; c < cells.length; c++) {
                float ly = y - 2;
                for (String line : wrapped.get(c)) {
                    ly -= lead;
                    float lx = c >= 2 && !header ? x + COLUMNS[c] - 3 - fonts.width(line, false, size) : x + 3;
                    if (c == 4 && !header) {
                        lx = x + 3;
                    }
                    show(line, header, size, lx, ly + lead * 0.25f, INK);
                }
                x += COLUMNS[c];
            }
            y -= height;
            cs.setStrokingColor(header ? GREY : RULE);
            cs.setLineWidth(header ? 0.8f : 0.4f);
            cs.moveTo(MARGIN, y);
            cs.lineTo(MARGIN + WIDTH, y);
            cs.stroke();
            return turned;
        }

        /** Up to two charts side by side: each indicator's twelve months as bars, with its target as a dashed line. */
        void charts(MonthView view, List<MonthView.Row> rows, Locale l) throws IOException {
            float gutter = 14;
            float w = (WIDTH - gutter) / 2;
            float titleSize = 8.5f;
            int titleLines = 1;
            for (MonthView.Row r : rows) {
                titleLines = Math.max(
                        titleLines, wrap(chartTitle(r, l), true, titleSize, w).size());
            }
            float titleHeight = titleLines * titleSize * 1.35f;
            float plot = 78;
            float height = titleHeight + plot + 30;
            room(height);
            float top = y;
            float x = MARGIN;
            for (MonthView.Row r : rows) {
                float ty = top;
                for (String line : wrap(chartTitle(r, l), true, titleSize, w)) {
                    ty -= titleSize * 1.35f;
                    show(line, true, titleSize, x, ty, INK);
                }
                chart(view, r, x, top - titleHeight - 6, w, plot, l);
                x += w + gutter;
            }
            y = top - height;
        }

        private String chartTitle(MonthView.Row r, Locale l) {
            return t(l, "report.indicator." + r.code() + ".name") + " ("
                    + t(l, "enum.IndicatorUnit." + r.unit().name()) + ")";
        }

        private void chart(MonthView view, MonthView.Row r, float x, float top, float w, float h, Locale l)
                throws IOException {
            float axis = 34;
            float left = x + axis;
            float bottom = top - h;
            float plotWidth = w - axis;
            BigDecimal max = BigDecimal.ZERO;
            for (BigDecimal v : r.trend()) {
                if (v != null && v.compareTo(max) > 0) {
                    max = v;
                }
            }
            if (r.target() != null && r.target().value().compareTo(max) > 0) {
                max = r.target().value();
            }
            double scaleTop = max.signum() == 0 ? 1 : max.doubleValue();
            cs.setStrokingColor(GREY);
            cs.setLineWidth(0.5f);
            cs.moveTo(left, bottom);
            cs.lineTo(left + plotWidth, bottom);
            cs.moveTo(left, bottom);
            cs.lineTo(left, top);
            cs.stroke();
            String maxLabel = Formats.number(max.signum() == 0 ? BigDecimal.ONE : max, l);
            show(maxLabel, false, 6.5f, left - 3 - fonts.width(maxLabel, false, 6.5f), top - 4, GREY);
            show("0", false, 6.5f, left - 3 - fonts.width("0", false, 6.5f), bottom - 2, GREY);
            int n = r.trend().size();
            float slot = plotWidth / n;
            for (int i = 0; i < n; i++) {
                BigDecimal v = r.trend().get(i);
                float bx = left + i * slot + slot * 0.15f;
                if (v != null && v.signum() > 0) {
                    float bh = (float) (v.doubleValue() / scaleTop * h);
                    cs.setNonStrokingColor(i == n - 1 ? BAR_THIS : BAR);
                    cs.addRect(bx, bottom, slot * 0.7f, bh);
                    cs.fill();
                }
                String label = String.format("%02d", view.trendMonths().get(i).getMonthValue());
                show(label, false, 6f, bx + (slot * 0.7f - fonts.width(label, false, 6f)) / 2, bottom - 8, GREY);
            }
            BigDecimal now = r.trend().get(n - 1);
            String last = value(now, l);
            show(last, true, 7f, left + plotWidth - fonts.width(last, true, 7f), bottom - 17, BAR_THIS);
            if (r.target() != null) {
                float ty = bottom + (float) (r.target().value().doubleValue() / scaleTop * h);
                cs.setStrokingColor(TARGET);
                cs.setLineWidth(0.8f);
                cs.setLineDashPattern(new float[] {3, 2}, 0);
                cs.moveTo(left, ty);
                cs.lineTo(left + plotWidth, ty);
                cs.stroke();
                cs.setLineDashPattern(new float[] {}, 0);
                String label = t(l, "reporting.monthly.col.target") + " "
                        + Formats.number(r.target().value(), l);
                show(label, false, 6.5f, left + 2, Math.min(ty + 2, top - 6), TARGET);
            }
        }

        void show(String text, boolean bold, float size, float x, float y, Color colour) throws IOException {
            cs.beginText();
            cs.setNonStrokingColor(colour);
            cs.newLineAtOffset(x, y);
            for (ReportFonts.Run run : fonts.runs(text, bold)) {
                cs.setFont(run.font(), size);
                cs.showText(run.text());
            }
            cs.endText();
            cs.setNonStrokingColor(INK);
        }

        /** Breaks at spaces; a word wider than the column (Lao is written without spaces) breaks between letters. */
        List<String> wrap(String text, boolean bold, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ", -1)) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (fonts.width(candidate, bold, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (fonts.width(rest, bold, size) > width && rest.length() > 1) {
                    int cut = rest.length();
                    while (cut > 1 && fonts.width(rest.substring(0, cut), bold, size) > width) {
                        cut--;
                    }
                    // a combining mark (a Lao vowel or tone above or below) stays with its letter
                    while (cut > 1 && Character.getType(rest.charAt(cut)) == Character.NON_SPACING_MARK) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        void close() throws IOException {
            cs.close();
        }

        void footers(Locale l) throws IOException {
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(
                        document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    cs = footer;
                    String text = t(l, "reporting.monthly.pdf.page", i + 1, pages);
                    show(text, false, 8, MARGIN + WIDTH - fonts.width(text, false, 8), MARGIN - 4, GREY);
                }
            }
        }
    }
}
