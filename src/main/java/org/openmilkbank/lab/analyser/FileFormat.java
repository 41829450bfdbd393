package org.openmilkbank.lab.analyser;

/** How an analyser's export is written. */
public enum FileFormat {
    CSV,
    XLSX
}
