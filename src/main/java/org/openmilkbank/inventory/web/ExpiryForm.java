package org.openmilkbank.inventory.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.openmilkbank.traceability.Expiries;

/** How many days ahead the expiry work list looks (empty: the profile's {@code expiry.warning-days}). */
record ExpiryForm(@Min(0) @Max(Expiries.MAX_DAYS) Integer days) {}
