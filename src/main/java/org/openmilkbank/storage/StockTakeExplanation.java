package org.openmilkbank.storage;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openmilkbank.shared.TextLimits;

/**
 * Why one difference of a stock take is there; {@code moveHere}: an extra unit is put into the counted place by
 * the same act (its purpose and the place's room are checked as at any put-away).
 */
public record StockTakeExplanation(
        @NotNull StockTakeReason reason,
        @Size(max = TextLimits.NOTE) String note,
        boolean moveHere) {}
