package org.openmilkbank.shared.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A CSV export that opens correctly in Excel in every language: UTF-8 with a byte order mark (without it Excel reads
 * Vietnamese and Lao as mojibake), every cell quoted with its quotes doubled, a cell that a spreadsheet would run as
 * a formula (=, +, -, @, tab, carriage return first) prefixed with an apostrophe, and CRLF line ends (RFC 4180).
 * Dates are ISO (yyyy-MM-dd), which Excel reads as dates in any locale.
 */
public final class Csv {

    /** The byte order mark that tells Excel the file is UTF-8. */
    public static final String BOM = "\uFEFF";

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final StringBuilder out = new StringBuilder(BOM);

    private Csv() {}

    public static Csv withHeader(Object... cells) {
        return new Csv().row(cells);
    }

    public Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
        return this;
    }

    /** One cell, quoted and safe from formula injection. */
    public static String cell(Object value) {
        String v = value == null ? "" : value.toString();
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    public String text() {
        return out.toString();
    }

    /** The file as an attachment, its bytes UTF-8 with the mark first. */
    public ResponseEntity<byte[]> download(String filename) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .contentType(TEXT_CSV)
                .body(text().getBytes(StandardCharsets.UTF_8));
    }
}
