package org.openmilkbank.inventory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.openmilkbank.shared.TextLimits;

/** Why a bottle is discarded: the bottle page's form and the API's body. */
record DiscardForm(@NotBlank @Size(max = TextLimits.REASON) String reason) {}
