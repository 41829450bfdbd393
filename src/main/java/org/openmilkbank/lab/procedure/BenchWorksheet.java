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
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.openmilkbank.lab.LabManagement;
import org.openmilkbank.lab.LabWorkList;
import org.openmilkbank.lab.SamplePurpose;
import org.openmilkbank.lab.SampleView;
import org.openmilkbank.labeling.EmbeddedFonts;
import org.openmilkbank.shared.Din;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
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
    private final Standards standards;

    BenchWorksheet(LabManagement lab, Procedures procedures, MessageSource messages, Clock clock, Standards standards) {
        this.standards = standards;
        this.lab = lab;
        this.procedures = procedures;
        this.messages = messages;
        this.clock = clock;
    }

    /** One item of the sheet: its heading, the code its barcode carries, and the procedure to follow. */
    record Item(
            String heading,
            String barcode,
            Procedure procedure,
            boolean toTake,
            String profile,
            Integer version,
            String incubation) {}

    public byte[] pdf(Locale locale) {
        LabWorkList work = lab.workList();
        StandardProfile profile = standards.activeProfile();
        String toRecord = message(
                "lab.worksheet.field.temperature",
                locale,
                profile.cultureIncubationTemperatureC().subtract(profile.cultureIncubationToleranceC()),
                profile.cultureIncubationTemperatureC().add(profile.cultureIncubationToleranceC()));
        List<Item> items = new ArrayList<>();
        for (LabWorkList.Due due : work.due()) {
            items.add(new Item(
                    message("lab.worksheet.take", locale, due.unitLabel(), label(due.purpose(), locale)),
                    barcodeOf(due.unitLabel()),
                    procedureOf(due.purpose()),
                    true,
                    null,
                    null,
                    toRecord));
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
                    sample.procedureVersion(),
                    sample.incubationTemperatureC() == null
                            ? message("lab.worksheet.temperature.notRecorded", locale)
                            : message("lab.worksheet.temperature", locale, sample.incubationTemperatureC())));
        }
        return render(items, locale);
    }

    /** The 50 × 25 mm stock of the bank's label roll, for the label stuck on a culture sample's tube. */
    static final PDRectangle SAMPLE_LABEL = new PDRectangle(50 * POINTS_PER_MM, 25 * POINTS_PER_MM);

    /**
     * The label of a sample's tube or plate, on the 50 × 25 mm roll: the sample's code as a Code 128 barcode (the
     * ISBT DIN data structure a scanner types into the lab's scan box) and eye-readable with its check character,
     * the unit it was taken from, what it is for and when it was taken, in the reader's language.
     */
    public byte[] sampleLabel(UUID sampleId, Locale locale) {
        SampleView sample = lab.find(sampleId)
                .orElseThrow(() -> new org.openmilkbank.shared.NotFound("lab.culture.sample.notFound", sampleId));
        try (PDDocument document = new PDDocument()) {
            Sheet label = new Sheet(document, EmbeddedFonts.into(document), SAMPLE_LABEL, 2, 46, 7);
            label.barcode(barcodeOf(sample.code()));
            label.text(sample.codeWithCheck(), 7f, true);
            label.text(sample.unitLabel() + " · " + label(sample.purpose(), locale), 5.5f, false);
            label.text(dateTime(ZonedDateTime.ofInstant(sample.takenAt(), clock.getZone()), locale), 5.5f, false);
            label.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Sample label PDF could not be written", e);
        }
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
                sheet.text(item.incubation(), 10f, false);
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
        private final PDRectangle size;
        private final float margin;
        private final float barcodeWidth;
        private final float barcodeHeight;
        private PDPageContentStream cs;
        private float y;

        Sheet(PDDocument document, EmbeddedFonts fonts) {
            this(document, fonts, PDRectangle.A4, MARGIN, BARCODE_WIDTH, BARCODE_HEIGHT);
        }

        Sheet(
                PDDocument document,
                EmbeddedFonts fonts,
                PDRectangle size,
                float margin,
                float barcodeWidth,
                float barcodeHeight) {
            this.document = document;
            this.fonts = fonts;
            this.size = size;
            this.margin = margin;
            this.barcodeWidth = barcodeWidth;
            this.barcodeHeight = barcodeHeight;
        }

        void room(float millimetres) throws IOException {
            if (cs == null || y - millimetres < margin) {
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
                cs.newLineAtOffset(mm(margin), mm(y - size / POINTS_PER_MM));
                for (EmbeddedFonts.Run run : fonts.runs(line, bold)) {
                    cs.setFont(run.font(), size);
                    cs.showText(run.text());
                }
                cs.endText();
                y -= step;
            }
        }

        void barcode(String data) throws IOException {
            room(barcodeHeight + 4);
            BitMatrix bars = new Code128Writer()
                    .encode(data, BarcodeFormat.CODE_128, 0, 1, Map.of(EncodeHintType.CODE128_COMPACT, true));
            // a quiet zone of ten modules each side
            float module = barcodeWidth / (bars.getWidth() + 20f);
            float start = margin + 10 * module;
            float bottom = y - 1 - barcodeHeight;
            cs.setNonStrokingColor(0f, 0f, 0f);
            for (int i = 0; i < bars.getWidth(); i++) {
                if (bars.get(i, 0)) {
                    cs.addRect(mm(start + i * module), mm(bottom), mm(module), mm(barcodeHeight));
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
            PDPage page = new PDPage(size);
            document.addPage(page);
            cs = new PDPageContentStream(document, page);
            y = size.getHeight() / POINTS_PER_MM - margin;
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
