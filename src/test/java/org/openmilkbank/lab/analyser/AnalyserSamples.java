package org.openmilkbank.lab.analyser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** An instrument as a lab would define it, and files as its software would write them. */
final class AnalyserSamples {

    static final String CHECK = "QC-1";

    private AnalyserSamples() {}

    /** Fat 0.79·x + 0.28 in g/100 mL, true protein as read, energy in kJ/dL; the check sample's fat 3.0–4.0. */
    static InstrumentDetails miris(String name) {
        return new InstrumentDetails(
                name,
                "HMA",
                "SN-1234",
                "Sample ID",
                "Date/Time",
                CHECK,
                List.of(
                        channel(Nutrient.FAT, "Fat", ReadingUnit.G_PER_100ML, "0.79", "0.28", "3.0", "4.0"),
                        channel(Nutrient.TRUE_PROTEIN, "True Protein", ReadingUnit.G_PER_DL, "1", "0", null, null),
                        channel(Nutrient.CARBOHYDRATE, "Carb", ReadingUnit.G_PER_DL, "1", "0", null, null),
                        channel(Nutrient.ENERGY, "Energy", ReadingUnit.KJ_PER_DL, "1", "0", null, null)));
    }

    static ChannelDetails channel(
            Nutrient nutrient,
            String column,
            ReadingUnit unit,
            String slope,
            String intercept,
            String min,
            String max) {
        return new ChannelDetails(
                nutrient,
                column,
                unit,
                new BigDecimal(slope),
                new BigDecimal(intercept),
                min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max));
    }

    static final String HEADER = "Sample ID,Date/Time,Fat,True Protein,Carb,Energy";

    static byte[] csv(String... lines) {
        return (HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A workbook whose first sheet holds the rows as given; a cell starting with "=" is written as a formula. */
    static byte[] xlsx(List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Results");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (value instanceof String s && s.startsWith("=")) {
                        row.createCell(c).setCellFormula(s.substring(1));
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Object> header() {
        return List.of("Sample ID", "Date/Time", "Fat", "True Protein", "Carb", "Energy");
    }
}
