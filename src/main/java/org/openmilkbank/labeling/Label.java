package org.openmilkbank.labeling;

import java.time.LocalDate;
import java.util.List;
import org.openmilkbank.shared.Din;

/**
 * What one label shows: the DIN (as barcodes and eye-readable text), the product, its expiry and volume, and
 * a few lines of context (donor code, expression date, pool) already in the reader's language.
 */
public record Label(Din din, ProductCode product, LocalDate expiresOn, Integer volumeMl, List<String> lines) {

    public Label {
        if (din == null || product == null) {
            throw new IllegalArgumentException("A label needs a DIN and a product");
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The ISBT 128 DIN data structure carried by both barcodes: {@code =}, the 13 characters, flags {@code 00}. */
    public String barcodeData() {
        return "=" + din.value() + "00";
    }
}
