package org.openmilkbank.lab.analyser;

/** How large an analyser file may be: a day's export of a bench instrument is far smaller. */
final class FileLimits {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    static final int MAX_ROWS = 5_000;

    static final int MAX_COLUMNS = 100;

    static final int MAX_CELL = 200;

    /** An XLSX part unpacked may not exceed this (a zip bomb stops here). */
    static final long MAX_XLSX_ENTRY = 32L * 1024 * 1024;

    private FileLimits() {}
}
