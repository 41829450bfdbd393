package org.openmilkbank.pasteurization.curve;

/** Where a run's readings came from: a logger's file (every minute) or the sheet typed by hand (every 5 minutes). */
public enum ReadingSource {
    LOGGER,
    SHEET
}
