package org.openmilkbank.inventory.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDateTime;
import org.openmilkbank.inventory.ThawMethod;

/**
 * A bottle thawed: how, and when in the bank's time zone (empty: now). The bottle page's form and the API's body.
 */
record ThawForm(@NotNull ThawMethod method, LocalDateTime at) {}
