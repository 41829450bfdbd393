package org.openmilkbank.dispensing.orders;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
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
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The manifest that travels with a dispatched order: the infant (code, name, ward), the order, and each bottle
 * with its volume and expiry, as an A4 PDF in the reader's language with the labels' embedded Noto fonts.
 * Dates are ISO, as on labels.
 */
@Component
class OrderManifest {

    private static final float MM = 72f / 25.4f;
    private static final float MARGIN = 18 * MM;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final ZoneId zone;

    OrderManifest(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.zone = clock.getZone();
    }

    byte[] pdf(OrderView o, Instant printedAt, Locale l) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"T", t(l, "orders.manifest.title")});
        lines.add(new String[] {"P", t(l, "orders.manifest.infant", o.infantCode(), o.infantName(), o.ward())});
        lines.add(new String[] {
            "P", t(l, "orders.manifest.order", o.volumePerDayMl(), o.feedsPerDay(), o.volumePerFeedMl(), o.clinician())
        });
        lines.add(new String[] {"P", t(l, "orders.manifest.printed", WHEN.format(printedAt.atZone(zone)))});
        lines.add(new String[] {"H", t(l, "orders.manifest.bottles", o.bottles().size(), o.allocatedMl())});
        for (OrderView.OrderBottleView b : o.bottles()) {
            lines.add(new String[] {
                "P",
                t(
                        l,
                        "orders.manifest.bottle",
                        b.din(),
                        b.volumeMl(),
                        b.expiresOn().toString())
            });
        }
        lines.add(new String[] {"P", ""});
        lines.add(new String[] {"P", t(l, "orders.manifest.sign")});
        try (PDDocument document = new PDDocument()) {
            EmbeddedFonts fonts = EmbeddedFonts.into(document);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float y = PDRectangle.A4.getHeight() - MARGIN;
            PDPageContentStream cs = new PDPageContentStream(document, page);
            for (String[] line : lines) {
                float size = switch (line[0]) {
                    case "T" -> 16f;
                    case "H" -> 12f;
                    default -> 10f;
                };
                y -= size * 1.6f;
                if (y < MARGIN) {
                    cs.close();
                    page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    cs = new PDPageContentStream(document, page);
                    y = PDRectangle.A4.getHeight() - MARGIN - size * 1.6f;
                }
                cs.beginText();
                cs.newLineAtOffset(MARGIN, y);
                for (EmbeddedFonts.Run run : fonts.runs(line[1], !"P".equals(line[0]))) {
                    cs.setFont(run.font(), size);
                    cs.showText(run.text());
                }
                cs.endText();
            }
            cs.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Order manifest could not be written", e);
        }
    }

    private String t(Locale l, String key, Object... args) {
        return messages.getMessage(key, args, key, l);
    }
}
