package org.openmilkbank.storage.cold;

import jakarta.validation.constraints.Size;
import org.openmilkbank.shared.TextLimits;

/** Someone saw the alarm (what was done, if anything). */
public record AcknowledgeForm(@Size(max = TextLimits.NOTE) String note) {}
