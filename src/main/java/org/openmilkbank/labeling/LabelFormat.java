package org.openmilkbank.labeling;

/** Label stock: A4 sheets of adhesive labels, or one label per page on a label printer's roll. */
public enum LabelFormat {
    /** A4 sheet, 3 columns × 8 rows of 70 × 37 mm labels. */
    A4_SHEET(210, 297, 70, 37, 3, 8),
    /** Label printer roll, 2 × 1 inch (50.8 × 25.4 mm). */
    ROLL_50X25(50.8f, 25.4f, 50.8f, 25.4f, 1, 1),
    /** Label printer roll, 4 × 2 inch (101.6 × 50.8 mm). */
    ROLL_100X50(101.6f, 50.8f, 101.6f, 50.8f, 1, 1);

    final float pageWidthMm;
    final float pageHeightMm;
    final float labelWidthMm;
    final float labelHeightMm;
    final int columns;
    final int rows;

    LabelFormat(float pageWidthMm, float pageHeightMm, float labelWidthMm, float labelHeightMm, int columns, int rows) {
        this.pageWidthMm = pageWidthMm;
        this.pageHeightMm = pageHeightMm;
        this.labelWidthMm = labelWidthMm;
        this.labelHeightMm = labelHeightMm;
        this.columns = columns;
        this.rows = rows;
    }

    /** How many labels one page (an A4 sheet) holds; a roll's page holds one. */
    public int labelsPerPage() {
        return columns * rows;
    }
}
