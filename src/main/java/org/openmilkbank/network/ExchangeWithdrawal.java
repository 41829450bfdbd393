package org.openmilkbank.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a request or offer is withdrawn, or why a declared shortage is declared or ended. */
public record ExchangeWithdrawal(@NotBlank @Size(max = 500) String reason) {}
