package org.openmilkbank.reporting.indicators.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openmilkbank.reporting.indicators.IndicatorTable;
import org.openmilkbank.shared.web.Csv;
import org.openmilkbank.shared.web.Formats;
import org.openmilkbank.shared.web.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The indicator table as a file: CSV ({@code shared.web.Csv}) and XLSX (one sheet, a header row, numbers as numeric
 * cells, dates ISO). Headers, names, breakdowns and units are in the reader's language; codes stay as they are so a
 * spreadsheet can be matched across languages.
 */
@Component
class IndicatorExports {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Messages messages;
    private final Formats fmt;

    IndicatorExports(Messages messages, Formats fmt) {
        this.messages = messages;
        this.fmt = fmt;
    }

    private List<String> header() {
        return List.of(
                messages.get("reporting.indicators.col.code"),
                messages.get("reporting.indicators.col.indicator"),
                messages.get("reporting.indicators.col.breakdown"),
                messages.get("reporting.indicators.col.value"),
                messages.get("reporting.indicators.col.unit"),
                messages.get("reporting.indicators.col.numerator"),
                messages.get("reporting.indicators.col.denominator"),
                messages.get("reporting.indicators.col.from"),
                messages.get("reporting.indicators.col.to"));
    }

    private String name(IndicatorRow r) {
        return messages.get("report.indicator." + r.definition().code() + ".name");
    }

    private String breakdown(IndicatorRow r) {
        return r.total()
                ? messages.get("reporting.indicators.total")
                : messages.get("report.breakdown." + r.breakdown());
    }

    ResponseEntity<byte[]> csv(List<IndicatorRow> rows, IndicatorTable table) {
        Csv csv = Csv.withHeader(header().toArray());
        for (IndicatorRow r : rows) {
            csv.row(
                    r.definition().code(),
                    name(r),
                    breakdown(r),
                    plain(r.value() == null ? null : r.value().value()),
                    fmt.label(r.definition().unit()),
                    plain(r.value() == null ? null : r.value().numerator()),
                    plain(r.value() == null ? null : r.value().denominator()),
                    table.from().toString(),
                    table.to().toString());
        }
        return csv.download(filename(table, "csv"));
    }

    ResponseEntity<byte[]> xlsx(List<IndicatorRow> rows, IndicatorTable table) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(
                    messages.get("reporting.indicators.title")));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            List<String> header = header();
            for (int i = 0; i < header.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(header.get(i));
                c.setCellStyle(bold);
            }
            int n = 1;
            for (IndicatorRow r : rows) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(r.definition().code());
                row.createCell(1).setCellValue(name(r));
                row.createCell(2).setCellValue(breakdown(r));
                number(row, 3, r.value() == null ? null : r.value().value());
                row.createCell(4).setCellValue(fmt.label(r.definition().unit()));
                number(row, 5, r.value() == null ? null : r.value().numerator());
                number(row, 6, r.value() == null ? null : r.value().denominator());
                row.createCell(7).setCellValue(table.from().toString());
                row.createCell(8).setCellValue(table.to().toString());
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < header.size(); i++) {
                sheet.setColumnWidth(i, i == 1 ? 40 * 256 : 16 * 256);
            }
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename(table, "xlsx") + "\"")
                    .contentType(XLSX)
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Row row, int column, BigDecimal value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String filename(IndicatorTable table, String extension) {
        return "indicators-" + table.from() + "-" + table.to() + "." + extension;
    }
}
