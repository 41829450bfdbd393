package org.openmilkbank.lab.procedure;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.openmilkbank.lab.LabManagement;
import org.openmilkbank.lab.LabWorkList;
import org.openmilkbank.lab.SamplePurpose;
import org.openmilkbank.labeling.EmbeddedFonts;
import org.openmilkbank.shared.Din;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The bench worksheet (A4 PDF, the bank's embedded fonts): today's units to sample and samples to read, each with
 * the barcode its label carries (Code 128, as the sample labels: {@code =<DIN>00}), the procedure's steps with the
 * profile's numbers, and blank fields to write the results; in the reader's language.
 */
@Service
public class BenchWorksheet {

    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final float MARGIN = 15;
    private static final float WIDTH = 210 - 2 * MARGIN;
    private static final float BARCODE_HEIGHT = 10;
    private static final float BARCODE_WIDTH = 60;

    private final LabManagement lab;
    private final Procedures procedures;
    private final MessageSource messages;
    private final Clock clock;

    BenchWorksheet(LabManagement lab, Procedures procedures, MessageSource messages, Clock clock) {
        this.lab = lab;
        this.procedures = procedures;
        this.messages = messages;
        this.clock = clock;
    }

    /** One item of the sheet: its heading, the code its barcode carries, and the procedure to follow. */
    record Item(String heading, String barcode, Procedure procedure, boolean toTake, String profile, Integer version) {}

    public byte[] pdf(Locale locale) {
        LabWorkList work = lab.workList();
        List<Item> items = new ArrayList<>();
        for (LabWorkList.Due due : work.due()) {
            items.add(new Item(
                    message("lab.worksheet.take", locale, due.unitLabel(), label(due.purpose(), locale)),
                    barcodeOf(due.unitLabel()),
                    procedureOf(due.purpose()),
                    true,
                    null,
                    null));
        }
        List<LabWorkList.Open> reads = new ArrayList<>(work.overdue());
        work.toReadToday().stream()
                .filter(o -> reads.stream()
                        .noneMatch(r -> r.sample().id().equals(o.sample().id())))
                .forEach(reads::add);
        for (LabWorkList.Open open : reads) {
            var sample = open.sample();
            items.add(new Item(
                    message(
                            "lab.worksheet.read",
                            locale,
                            sample.codeWithCheck(),
                            sample.unitLabel(),
                            label(sample.purpose(), locale),
                            dateTime(ZonedDateTime.ofInstant(sample.readableFrom(), clock.getZone()), locale)),
                    barcodeOf(sample.code()),
                    procedureOf(sample.purpose()),
                    false,
                    sample.procedureProfileCode(),
                    sample.procedureVersion()));
        }
        return render(items, locale);
    }

    private byte[] render(List<Item> items, Locale locale) {
        try (PDDocument document = new PDDocument()) {
            EmbeddedFonts fonts = EmbeddedFonts.into(document);
            Sheet sheet = new Sheet(document, fonts);
            sheet.text(message("lab.worksheet.title", locale), 14f, true);
            LocalDate today = LocalDate.now(clock);
            sheet.text(message("lab.worksheet.date", locale, date(today, locale)), 10f, false);
            sheet.gap(3);
            if (items.isEmpty()) {
                sheet.text(message("lab.worksheet.empty", locale), 10f, false);
            }
            for (Item item : items) {
                // a sample taken is read by the version of the procedure it followed
                ProcedureView procedure = item.profile() == null
                        ? procedures.current(item.procedure(), locale)
                        : procedures.of(item.profile(), item.procedure(), item.version(), locale);
                // an item starts on a page it fits on: its heading, barcode and first steps together
                sheet.room(40);
                sheet.text(item.heading(), 11f, true);
                sheet.barcode(item.barcode());
                sheet.text(
                        message(
                                "lab.procedure.versionOf",
                                locale,
                                label(item.procedure(), locale),
                                procedure.version()),
                        9f,
                        false);
                for (ProcedureView.Step step : procedure.steps()) {
                    sheet.text("\u2610 " + step.position() + ". " + step.text(), 9f, false);
                }
                if (item.toTake()) {
                    sheet.text(message("lab.worksheet.field.takenAt", locale), 10f, false);
                }
                sheet.text(message("lab.worksheet.field.read", locale), 10f, false);
                sheet.text(message("lab.worksheet.field.signature", locale), 10f, false);
                sheet.gap(5);
            }
            sheet.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Worksheet PDF could not be written", e);
        }
    }

    /** The pages as they fill, top down. */
    private static final class Sheet {
        private final PDDocument document;
        private final EmbeddedFonts fonts;
        private PDPageContentStream cs;
        private float y;

        Sheet(PDDocument document, EmbeddedFonts fonts) {
            this.document = document;
            this.fonts = fonts;
        }

        void room(float millimetres) throws IOException {
            if (cs == null || y - millimetres < MARGIN) {
                newPage();
            }
        }

        void gap(float millimetres) {
            y -= millimetres;
        }

        void text(String text, float size, boolean bold) throws IOException {
            float step = size * 1.45f / POINTS_PER_MM;
            for (String line : wrap(text, size, bold)) {
                room(step);
                cs.beginText();
                cs.newLineAtOffset(mm(MARGIN), mm(y - size / POINTS_PER_MM));
                for (EmbeddedFonts.Run run : fonts.runs(line, bold)) {
                    cs.setFont(run.font(), size);
                    cs.showText(run.text());
                }
                cs.endText();
                y -= step;
            }
        }

        void barcode(String data) throws IOException {
            room(BARCODE_HEIGHT + 4);
            BitMatrix bars = new Code128Writer()
                    .encode(data, BarcodeFormat.CODE_128, 0, 1, Map.of(EncodeHintType.CODE128_COMPACT, true));
            // a quiet zone of ten modules each side
            float module = BARCODE_WIDTH / (bars.getWidth() + 20f);
            float start = MARGIN + 10 * module;
            float bottom = y - 1 - BARCODE_HEIGHT;
            cs.setNonStrokingColor(0f, 0f, 0f);
            for (int i = 0; i < bars.getWidth(); i++) {
                if (bars.get(i, 0)) {
                    cs.addRect(mm(start + i * module), mm(bottom), mm(module), mm(BARCODE_HEIGHT));
                }
            }
            cs.fill();
            y = bottom - 2;
        }

        private List<String> wrap(String text, float size, boolean bold) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && fonts.width(candidate, bold, size) > mm(WIDTH)) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            cs = new PDPageContentStream(document, page);
            y = 297 - MARGIN;
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }
    }

    /** What a scanner reads off the label: a DIN as its ISBT data structure, a run's code as it is written. */
    static String barcodeOf(String code) {
        try {
            return "=" + Din.parse(code).value() + "00";
        } catch (org.openmilkbank.shared.RuleViolation | IllegalArgumentException e) {
            return code;
        }
    }

    private static Procedure procedureOf(SamplePurpose purpose) {
        return Procedure.ofCode(purpose.procedure()).orElseThrow();
    }

    private String label(Enum<?> value, Locale locale) {
        String key = "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
        return messages.getMessage(key, null, value.name(), locale);
    }

    private String date(LocalDate day, Locale locale) {
        return day.format(DateTimeFormatter.ofPattern(messages.getMessage("format.date", null, "yyyy-MM-dd", locale)));
    }

    private String dateTime(ZonedDateTime at, Locale locale) {
        return at.format(
                DateTimeFormatter.ofPattern(messages.getMessage("format.dateTime", null, "yyyy-MM-dd HH:mm", locale)));
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static float mm(float millimetres) {
        return millimetres * POINTS_PER_MM;
    }
}
