package org.openmilkbank.storage.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.openmilkbank.shared.TextLimits;

/** The page forms of storage that are not the module's own request records. */
final class StorageForms {

    private StorageForms() {}

    /** A unit scanned at a stock take. */
    record StockTakeScan(
            @NotBlank @Size(max = TextLimits.CODE) String code) {}
}
