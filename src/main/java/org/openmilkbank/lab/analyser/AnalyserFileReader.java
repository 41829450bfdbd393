package org.openmilkbank.lab.analyser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openmilkbank.shared.RuleViolation;

/**
 * Reads an analyser's export, CSV (Apache Commons CSV) or XLSX (Apache POI), into a table of text cells. A file
 * that is neither, is empty, too large, has too many rows or columns, or cannot be read is refused whole; nothing
 * in it is evaluated (a formula cell is kept as a formula and refused by the import).
 */
final class AnalyserFileReader {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};

    static {
        // POI's zip bomb guards: a part may not unpack past the limit, nor more than 100 times its packed size
        ZipSecureFile.setMaxEntrySize(FileLimits.MAX_XLSX_ENTRY);
        ZipSecureFile.setMinInflateRatio(0.01);
    }

    private AnalyserFileReader() {}

    static AnalyserTable read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new RuleViolation("lab.analyser.file.empty").on("file");
        }
        if (bytes.length > FileLimits.MAX_BYTES) {
            throw new RuleViolation("lab.analyser.file.tooLarge", FileLimits.MAX_BYTES / (1024 * 1024)).on("file");
        }
        AnalyserTable table = startsWith(bytes, ZIP) ? xlsx(bytes) : csv(bytes);
        if (table.header().isEmpty() || table.header().stream().allMatch(String::isEmpty)) {
            throw new RuleViolation("lab.analyser.file.empty").on("file");
        }
        if (table.rows().isEmpty()) {
            throw new RuleViolation("lab.analyser.file.noRows").on("file");
        }
        return table;
    }

    private static AnalyserTable csv(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notCsvOrXlsx();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.chars().anyMatch(c -> c == 0 || (c < 0x20 && c != '\t' && c != '\r' && c != '\n'))) {
            throw notCsvOrXlsx();
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') > count(firstLine, ',')
                ? ';'
                : count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<String> header = null;
        List<AnalyserTable.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                if (record.size() > FileLimits.MAX_COLUMNS) {
                    throw new RuleViolation("lab.analyser.file.tooManyColumns", FileLimits.MAX_COLUMNS).on("file");
                }
                if (header == null) {
                    header = headerOf(record.toList());
                    continue;
                }
                if (rows.size() >= FileLimits.MAX_ROWS) {
                    throw tooManyRows();
                }
                List<AnalyserTable.Cell> cells =
                        record.stream().map(AnalyserTable.Cell::text).toList();
                rows.add(new AnalyserTable.Row((int) record.getRecordNumber(), cells));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new RuleViolation("lab.analyser.file.unreadable").on("file");
        }
        return new AnalyserTable(FileFormat.CSV, header == null ? List.of() : header, rows);
    }

    private static AnalyserTable xlsx(byte[] bytes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new RuleViolation("lab.analyser.file.empty").on("file");
            }
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > FileLimits.MAX_ROWS) {
                throw tooManyRows();
            }
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            List<String> header = null;
            List<AnalyserTable.Row> rows = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getLastCellNum() > FileLimits.MAX_COLUMNS) {
                    throw new RuleViolation("lab.analyser.file.tooManyColumns", FileLimits.MAX_COLUMNS).on("file");
                }
                List<AnalyserTable.Cell> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    cells.add(cellOf(row.getCell(i), formatter));
                }
                if (header == null) {
                    if (cells.stream().allMatch(AnalyserTable.Cell::blank)) {
                        continue;
                    }
                    if (cells.stream().anyMatch(AnalyserTable.Cell::formula)) {
                        throw new RuleViolation("lab.analyser.file.formulaInHeader").on("file");
                    }
                    header = headerOf(
                            cells.stream().map(AnalyserTable.Cell::text).toList());
                    continue;
                }
                AnalyserTable.Row read = new AnalyserTable.Row(row.getRowNum() + 1, cells);
                if (!read.blank()) {
                    rows.add(read);
                }
            }
            return new AnalyserTable(FileFormat.XLSX, header == null ? List.of() : header, rows);
        } catch (RuleViolation refused) {
            throw refused;
        } catch (Exception e) {
            // POI refuses a zip bomb, a broken package or a file that is not a workbook with many kinds of error
            throw new RuleViolation("lab.analyser.file.unreadable").on("file");
        }
    }

    private static AnalyserTable.Cell cellOf(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return AnalyserTable.Cell.BLANK;
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return new AnalyserTable.Cell("=" + cell.getCellFormula(), null, true);
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return new AnalyserTable.Cell(formatter.formatCellValue(cell), cell.getLocalDateTimeCellValue(), false);
            }
            return AnalyserTable.Cell.text(NumberToTextConverter.toText(cell.getNumericCellValue()));
        }
        return AnalyserTable.Cell.text(formatter.formatCellValue(cell));
    }

    private static List<String> headerOf(List<String> names) {
        List<String> header = new ArrayList<>();
        for (String name : names) {
            String stripped = name == null ? "" : name.strip();
            if (stripped.length() > FileLimits.MAX_CELL) {
                throw new RuleViolation("lab.analyser.file.headerTooLong", FileLimits.MAX_CELL).on("file");
            }
            header.add(stripped);
        }
        return header;
    }

    private static RuleViolation tooManyRows() {
        return new RuleViolation("lab.analyser.file.tooManyRows", FileLimits.MAX_ROWS).on("file");
    }

    private static RuleViolation notCsvOrXlsx() {
        return new RuleViolation("lab.analyser.file.notCsvOrXlsx").on("file");
    }

    private static long count(String line, char c) {
        return line.chars().filter(x -> x == c).count();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
