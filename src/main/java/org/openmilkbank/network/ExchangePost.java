package org.openmilkbank.network;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A bank's new request or offer: the page's form and the API's body. A request needs {@code neededBy}, an offer
 * {@code useBefore}; neither may be in the past.
 */
public record ExchangePost(
        @NotNull ExchangeEntry.Type type,
        @NotNull @Positive @Max(1_000_000) Integer volumeMl,
        @NotNull ExchangeEntry.ProductClass productClass,
        LocalDate neededBy,
        LocalDate useBefore,
        @Size(max = 500) String reason) {

    public static ExchangePost blank() {
        return new ExchangePost(ExchangeEntry.Type.REQUEST, null, ExchangeEntry.ProductClass.PRETERM, null, null, null);
    }
}
