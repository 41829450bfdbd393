package org.openmilkbank.labeling;

import java.time.LocalDate;
import java.util.List;
import org.openmilkbank.shared.Din;

/**
 * What one label shows: the DIN (as barcodes and eye-readable text), the product, its expiry and volume, a few
 * lines of context (donor code, expression date, pool) already in the reader's language, and a warning band (a
 * message key, e.g. {@link #QUARANTINE}) printed large, white on black, across the label; {@code null} for none.
 */
public record Label(
        Din din, ProductCode product, LocalDate expiresOn, Integer volumeMl, List<String> lines, String bandKey) {

    /** The band of milk that is not released: "QUARANTINE — DO NOT USE" in the bank's language. */
    public static final String QUARANTINE = "label.band.quarantine";

    public Label {
        if (din == null || product == null) {
            throw new IllegalArgumentException("A label needs a DIN and a product");
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public Label(Din din, ProductCode product, LocalDate expiresOn, Integer volumeMl, List<String> lines) {
        this(din, product, expiresOn, volumeMl, lines, null);
    }

    /** The ISBT 128 DIN data structure carried by both barcodes: {@code =}, the 13 characters, flags {@code 00}. */
    public String barcodeData() {
        return "=" + din.value() + "00";
    }
}
