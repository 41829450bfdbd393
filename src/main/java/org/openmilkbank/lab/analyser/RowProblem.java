package org.openmilkbank.lab.analyser;

/** Why a row of an analyser file cannot be imported (and so why the file was not). */
public enum RowProblem {
    SAMPLE_ID_MISSING,
    UNKNOWN_SAMPLE,
    NOT_A_CONTAINER_OR_POOL,
    TIME_MISSING,
    BAD_TIME,
    FUTURE_TIME,
    NOT_A_NUMBER,
    OUT_OF_RANGE,
    FORMULA,
    CELL_TOO_LONG,
    NO_VALUES,
    DUPLICATE_IN_FILE,
    ALREADY_IMPORTED
}
