package org.openmilkbank.inventory.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.openmilkbank.inventory.PickList;

/** What to take from the stock: a volume or a number of bottles (exactly one). */
record PickForm(
        @Min(1) @Max(PickList.MAX_ML) Integer volumeMl,
        @Min(1) @Max(PickList.MAX_BOTTLES) Integer count) {}
