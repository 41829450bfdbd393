package org.openmilkbank.lab.analyser;

import java.time.LocalDateTime;
import java.util.List;

/** An analyser's file as read: its header row and its rows of cells, before any cell is understood. */
record AnalyserTable(FileFormat format, List<String> header, List<Row> rows) {

    /** A row with its number as the technician sees it in the file (the header is row 1). */
    record Row(int number, List<Cell> cells) {

        Cell cell(int index) {
            return index < cells.size() ? cells.get(index) : Cell.BLANK;
        }

        boolean blank() {
            return cells.stream().allMatch(Cell::blank);
        }
    }

    /** A cell's text; a spreadsheet's date cell also carries its moment; a formula is never evaluated. */
    record Cell(String text, LocalDateTime dateTime, boolean formula) {

        static final Cell BLANK = new Cell("", null, false);

        static Cell text(String text) {
            return new Cell(text == null ? "" : text.strip(), null, false);
        }

        boolean blank() {
            return !formula && text.isEmpty() && dateTime == null;
        }
    }
}
