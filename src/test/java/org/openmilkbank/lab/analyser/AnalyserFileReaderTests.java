package org.openmilkbank.lab.analyser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;

class AnalyserFileReaderTests {

    @Test
    void readsACsvWithSemicolonsAndAByteOrderMark() {
        byte[] file = ("\uFEFFSample ID;Date/Time;Fat\r\nA000126000001X;2026-12-01 08:30;\"3,5\"\r\n")
                .getBytes(StandardCharsets.UTF_8);
        AnalyserTable table = AnalyserFileReader.read(file);
        assertThat(table.format()).isEqualTo(FileFormat.CSV);
        assertThat(table.header()).containsExactly("Sample ID", "Date/Time", "Fat");
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(2);
            assertThat(row.cell(2).text()).isEqualTo("3,5");
        });
    }

    @Test
    void readsAnXlsxWithoutEvaluatingFormulas() {
        byte[] file = AnalyserSamples.xlsx(List.of(
                AnalyserSamples.header(),
                List.of("A000126000001X", "2026-12-01 08:30", 4.0, 1.05, 7.1, 290),
                List.of("A000126000002X", "2026-12-01 08:35", "=HYPERLINK(\"http://x\")", 1, 7, 290)));
        AnalyserTable table = AnalyserFileReader.read(file);
        assertThat(table.format()).isEqualTo(FileFormat.XLSX);
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).cell(2).text()).isEqualTo("4");
        assertThat(table.rows().get(1).cell(2).formula()).isTrue();
        assertThat(table.rows().get(1).number()).isEqualTo(3);
    }

    @Test
    void refusesBinaryGarbage() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertRefused(garbage, "lab.analyser.file.notCsvOrXlsx");
    }

    @Test
    void refusesAnOldExcelFile() {
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertRefused(ole, "lab.analyser.file.notCsvOrXlsx");
    }

    @Test
    void refusesAZipThatIsNotAWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(out.toByteArray(), "lab.analyser.file.unreadable");
    }

    @Test
    void refusesAZipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
        }
        assertThat(out.size()).isLessThan(FileLimits.MAX_BYTES);
        assertRefused(out.toByteArray(), "lab.analyser.file.unreadable");
    }

    @Test
    void refusesAnEmptyOrOversizeFileOrTooManyRows() {
        assertRefused(new byte[0], "lab.analyser.file.empty");
        assertRefused(new byte[FileLimits.MAX_BYTES + 1], "lab.analyser.file.tooLarge");
        assertRefused("Sample ID,Fat\r\n".getBytes(StandardCharsets.UTF_8), "lab.analyser.file.noRows");
        StringBuilder many = new StringBuilder("Sample ID,Fat\n");
        for (int i = 0; i <= FileLimits.MAX_ROWS; i++) {
            many.append("S").append(i).append(",3\n");
        }
        assertRefused(many.toString().getBytes(StandardCharsets.UTF_8), "lab.analyser.file.tooManyRows");
    }

    @Test
    void refusesAnUnbalancedQuote() {
        assertRefused("Sample ID,Fat\n\"S1,3\n".getBytes(StandardCharsets.UTF_8), "lab.analyser.file.unreadable");
    }

    private static void assertRefused(byte[] file, String code) {
        assertThatThrownBy(() -> AnalyserFileReader.read(file))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code())
                .isEqualTo(code);
    }
}
