package org.openmilkbank.lab.analyser;

/** A row that cannot be imported: its number in the file, the column, what it held (cut short) and why. */
public record RowError(int row, String column, String value, RowProblem problem) {

    static final int SHOWN = 40;

    public RowError {
        if (value != null && value.length() > SHOWN) {
            value = value.substring(0, SHOWN) + "…";
        }
    }
}
