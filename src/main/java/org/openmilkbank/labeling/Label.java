package org.openmilkbank.labeling;

import java.time.LocalDate;
import java.util.List;
import org.openmilkbank.shared.Din;

/**
 * What one label shows: the DIN (as barcodes and eye-readable text), the product, its expiry and volume, a few
 * lines of context (donor code, expression date) already in the reader's language, and a warning band (a
 * message key, e.g. {@link #QUARANTINE}) printed large, white on black, across the label; {@code null} for none.
 * A bottle's label also names its {@code pool} and the day it was pasteurised, and its {@code nutrients} once
 * measured; each is {@code null} when it does not apply or is not known.
 */
public record Label(
        Din din,
        ProductCode product,
        LocalDate expiresOn,
        Integer volumeMl,
        List<String> lines,
        String bandKey,
        Din pool,
        LocalDate pasteurisedOn,
        Nutrients nutrients) {

    /** The band of milk that is not released: "QUARANTINE — DO NOT USE" in the bank's language. */
    public static final String QUARANTINE = "label.band.quarantine";

    public Label {
        if (din == null || product == null) {
            throw new IllegalArgumentException("A label needs a DIN and a product");
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public Label(
            Din din, ProductCode product, LocalDate expiresOn, Integer volumeMl, List<String> lines, String bandKey) {
        this(din, product, expiresOn, volumeMl, lines, bandKey, null, null, null);
    }

    public Label(Din din, ProductCode product, LocalDate expiresOn, Integer volumeMl, List<String> lines) {
        this(din, product, expiresOn, volumeMl, lines, null);
    }

    /** The same label for a bottle of this pool, pasteurised on that day. */
    public Label ofPool(Din pool, LocalDate pasteurisedOn) {
        return new Label(din, product, expiresOn, volumeMl, lines, bandKey, pool, pasteurisedOn, nutrients);
    }

    /** The same label with the measured nutrients ({@code null}: not measured). */
    public Label withNutrients(Nutrients nutrients) {
        return new Label(din, product, expiresOn, volumeMl, lines, bandKey, pool, pasteurisedOn, nutrients);
    }

    /** The ISBT 128 DIN data structure carried by both barcodes: {@code =}, the 13 characters, flags {@code 00}. */
    public String barcodeData() {
        return "=" + din.value() + "00";
    }
}
