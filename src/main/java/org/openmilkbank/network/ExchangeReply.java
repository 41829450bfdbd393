package org.openmilkbank.network;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A bank's answer to another's request or offer: the volume it can send or take, and a note. */
public record ExchangeReply(
        @NotNull @Positive @Max(1_000_000) Integer volumeMl,
        @Size(max = 500) String note) {}
