package org.openmilkbank.pasteurization.curve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.openmilkbank.equipment.log.Reading;
import org.openmilkbank.labeling.EmbeddedFonts;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.Signature;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The run's PDF record: who recorded, confirmed and released it, its curve drawn as a line chart against the
 * thresholds with the hold shaded, and the verdict rule by rule, in the reader's language (Lao renders: the labels'
 * embedded Noto fonts).
 */
@Component
public class RunRecordPdf {

    private static final float MM = 72f / 25.4f;
    private static final float MARGIN = 15 * MM;
    private static final float[][] COLOURS = {
        {0.18f, 0.37f, 0.45f}, {0.85f, 0.28f, 0.06f}, {0.17f, 0.54f, 0.24f}, {0.37f, 0.24f, 0.77f},
        {0.76f, 0.15f, 0.36f}, {0.10f, 0.44f, 0.76f}, {0.90f, 0.47f, 0.0f}, {0.04f, 0.45f, 0.52f},
        {0.53f, 0.18f, 0.61f}, {0.29f, 0.31f, 0.34f}
    };

    private final PasteurisationManagement runs;
    private final RunLogs logs;
    private final MessageSource messages;
    private final Clock clock;

    RunRecordPdf(PasteurisationManagement runs, RunLogs logs, MessageSource messages, Clock clock) {
        this.runs = runs;
        this.logs = logs;
        this.messages = messages;
        this.clock = clock;
    }

    public byte[] render(UUID runId, Locale locale) {
        RunView run = runs.find(runId).orElseThrow(() -> new NotFound("pasteurization.run.notFound", runId));
        CurveView curve = logs.curve(runId).orElse(null);
        List<Signature> signed = runs.signatures(runId);
        try (PDDocument document = new PDDocument()) {
            EmbeddedFonts fonts = EmbeddedFonts.into(document);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float width = PDRectangle.A4.getWidth();
            float[] y = {PDRectangle.A4.getHeight() - MARGIN};
            try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
                Writer w = new Writer(cs, fonts, y);
                w.line(text(locale, "pasteurization.curve.pdf.title", runs.runCode(runId)), 14, true);
                w.line(
                        text(locale, "pasteurization.curve.pdf.state", text(locale, Said.label(run.state()))),
                        10,
                        false);
                w.line(
                        text(
                                locale,
                                "pasteurization.curve.pdf.cycle",
                                run.device(),
                                moment(run.startedAt(), locale),
                                moment(run.endedAt(), locale)),
                        9,
                        false);
                w.line(
                        text(
                                locale,
                                "pasteurization.curve.pdf.recorded",
                                run.recordedBy(),
                                moment(run.recordedAt(), locale)),
                        9,
                        false);
                if (run.releasedBy() != null) {
                    w.line(
                            text(
                                    locale,
                                    "pasteurization.curve.pdf.released",
                                    run.releasedBy(),
                                    moment(run.releasedAt(), locale)),
                            9,
                            false);
                }
                for (Signature s : signed) {
                    w.line(
                            text(
                                    locale,
                                    "pasteurization.curve.pdf.signed",
                                    s.username(),
                                    text(locale, s.meaning()),
                                    moment(s.signedAt(), locale)),
                            9,
                            false);
                }
                y[0] -= 4 * MM;
                if (curve == null) {
                    w.line(text(locale, "pasteurization.curve.none"), 10, false);
                } else {
                    w.line(
                            text(
                                    locale,
                                    curve.passed()
                                            ? "pasteurization.curve.verdictPassed"
                                            : "pasteurization.curve.verdictFailed"),
                            11,
                            true);
                    float chartTop = y[0] - 2 * MM;
                    float chartHeight = 85 * MM;
                    chart(
                            cs,
                            fonts,
                            curve,
                            MARGIN + 10 * MM,
                            chartTop - chartHeight,
                            width - 2 * MARGIN - 10 * MM,
                            chartHeight,
                            locale);
                    y[0] = chartTop - chartHeight - 10 * MM;
                    for (RuleResult r : curve.rules()) {
                        w.line(
                                text(locale, Said.label(r.rule())) + ": " + text(locale, Said.label(r.outcome()))
                                        + " · " + text(locale, r.said()),
                                9,
                                r.failed());
                    }
                    for (Said s : curve.secondLookReasons()) {
                        w.line(text(locale, "pasteurization.curve.secondLook") + " " + text(locale, s), 9, false);
                    }
                    w.line(
                            text(locale, Said.label(curve.source())) + " · "
                                    + (curve.fileName() == null ? "" : curve.fileName() + " · ")
                                    + text(locale, "pasteurization.curve.readingCount", curve.readingCount()) + " · "
                                    + curve.recordedBy()
                                    + " · " + moment(curve.recordedAt(), locale),
                            8,
                            false);
                    if (curve.sha256() != null) {
                        w.line("SHA-256 " + curve.sha256(), 7, false);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Run record PDF could not be written", e);
        }
    }

    /** Every probe against the thresholds; the hold window shaded. */
    private void chart(
            PDPageContentStream cs,
            EmbeddedFonts fonts,
            CurveView c,
            float x0,
            float y0,
            float w,
            float h,
            Locale locale)
            throws IOException {
        List<Reading> rs = c.readings();
        if (rs.isEmpty()) {
            return;
        }
        Instant t0 = rs.get(0).at();
        double span = Math.max(1, (rs.get(rs.size() - 1).at().getEpochSecond() - t0.getEpochSecond()) / 60.0);
        double lo = Math.min(
                0, rs.stream().mapToDouble(r -> r.celsius().doubleValue()).min().orElse(0));
        double hi = Math.max(
                70,
                rs.stream().mapToDouble(r -> r.celsius().doubleValue()).max().orElse(70) + 2);
        java.util.function.DoubleUnaryOperator px = m -> x0 + m / span * w;
        java.util.function.DoubleUnaryOperator py = v -> y0 + (v - lo) / (hi - lo) * h;
        if (c.holdFrom() != null && c.holdUntil() != null) {
            double a = (c.holdFrom().getEpochSecond() - t0.getEpochSecond()) / 60.0;
            double b = (c.holdUntil().getEpochSecond() - t0.getEpochSecond()) / 60.0;
            cs.setNonStrokingColor(0.85f, 0.95f, 0.88f);
            cs.addRect((float) px.applyAsDouble(a), y0, (float) (px.applyAsDouble(b) - px.applyAsDouble(a)), h);
            cs.fill();
        }
        cs.setStrokingColor(0f, 0f, 0f);
        cs.setNonStrokingColor(0f, 0f, 0f);
        cs.setLineWidth(0.6f);
        cs.addRect(x0, y0, w, h);
        cs.stroke();
        // the temperature axis every 10 °C, the time axis every 30 min
        for (int v = (int) Math.ceil(lo / 10) * 10; v <= hi; v += 10) {
            label(cs, fonts, String.valueOf(v), x0 - 8 * MM, (float) py.applyAsDouble(v) - 2, 7);
        }
        for (int m = 0; m <= span; m += 30) {
            label(cs, fonts, String.valueOf(m), (float) px.applyAsDouble(m) - 3, y0 - 4 * MM, 7);
        }
        label(cs, fonts, text(locale, "pasteurization.curve.minutes"), x0 + w / 2 - 20 * MM, y0 - 8 * MM, 7);
        threshold(cs, c.holdTemperatureC(), py, x0, w, 0.1f, 0.53f, 0.33f);
        threshold(cs, c.ceilingC(), py, x0, w, 0.86f, 0.2f, 0.27f);
        threshold(cs, c.coolingTargetC(), py, x0, w, 0.05f, 0.43f, 0.99f);
        List<String> probes = c.probes();
        cs.setLineDashPattern(new float[] {}, 0);
        for (int p = 0; p < probes.size(); p++) {
            float[] colour = COLOURS[p % COLOURS.length];
            cs.setStrokingColor(colour[0], colour[1], colour[2]);
            cs.setLineWidth(0.8f);
            boolean first = true;
            for (Reading r : rs) {
                if (!r.probe().equals(probes.get(p))) {
                    continue;
                }
                float x = (float) px.applyAsDouble((r.at().getEpochSecond() - t0.getEpochSecond()) / 60.0);
                float yy = (float) py.applyAsDouble(r.celsius().doubleValue());
                if (first) {
                    cs.moveTo(x, yy);
                    first = false;
                } else {
                    cs.lineTo(x, yy);
                }
            }
            cs.stroke();
            if (p < 10) {
                cs.setNonStrokingColor(colour[0], colour[1], colour[2]);
                label(
                        cs,
                        fonts,
                        probes.get(p),
                        x0 + 2 * MM + (p % 5) * 34 * MM,
                        y0 + h + 2 * MM + (p / 5) * 3.5f * MM,
                        7);
            }
        }
        cs.setNonStrokingColor(0f, 0f, 0f);
    }

    private static void threshold(
            PDPageContentStream cs,
            BigDecimal value,
            java.util.function.DoubleUnaryOperator py,
            float x0,
            float w,
            float r,
            float g,
            float b)
            throws IOException {
        if (value == null) {
            return;
        }
        float yy = (float) py.applyAsDouble(value.doubleValue());
        cs.setStrokingColor(r, g, b);
        cs.setLineWidth(0.6f);
        cs.setLineDashPattern(new float[] {3, 2}, 0);
        cs.moveTo(x0, yy);
        cs.lineTo(x0 + w, yy);
        cs.stroke();
        cs.setLineDashPattern(new float[] {}, 0);
    }

    private static void label(PDPageContentStream cs, EmbeddedFonts fonts, String text, float x, float y, float size)
            throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (EmbeddedFonts.Run run : fonts.runs(text, false)) {
            cs.setFont(run.font(), size);
            cs.showText(run.text());
        }
        cs.endText();
    }

    /** Lines top down, wrapped to the page's width. */
    private static final class Writer {
        private final PDPageContentStream cs;
        private final EmbeddedFonts fonts;
        private final float[] y;

        Writer(PDPageContentStream cs, EmbeddedFonts fonts, float[] y) {
            this.cs = cs;
            this.fonts = fonts;
            this.y = y;
        }

        void line(String text, float size, boolean bold) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            StringBuilder l = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = l.isEmpty() ? word : l + " " + word;
                if (!l.isEmpty() && fonts.width(candidate, bold, size) > width) {
                    lines.add(l.toString());
                    l.setLength(0);
                    l.append(word);
                } else {
                    l.setLength(0);
                    l.append(candidate);
                }
            }
            lines.add(l.toString());
            for (String s : lines) {
                if (y[0] < MARGIN) {
                    return; // one page: the record's verdict fits; a longer text is cut at the margin
                }
                cs.beginText();
                cs.newLineAtOffset(MARGIN, y[0] - size);
                for (EmbeddedFonts.Run run : fonts.runs(s, bold)) {
                    cs.setFont(run.font(), size);
                    cs.showText(run.text());
                }
                cs.endText();
                y[0] -= size * 1.45f;
            }
        }
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(Said.of(key, args), locale);
    }

    private String text(Locale locale, Said said) {
        return messages.getMessage(said, locale);
    }

    private String moment(Instant at, Locale locale) {
        if (at == null) {
            return "—";
        }
        String pattern = messages.getMessage("format.dateTime", null, "yyyy-MM-dd HH:mm", locale);
        return DateTimeFormatter.ofPattern(pattern, locale).format(ZonedDateTime.ofInstant(at, clock.getZone()));
    }
}
