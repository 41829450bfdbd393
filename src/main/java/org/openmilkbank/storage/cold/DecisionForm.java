package org.openmilkbank.storage.cold;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.TextLimits;

/** The manager's decision on units an excursion held; no unit named: every unit not yet decided. */
public record DecisionForm(
        List<UUID> unitIds,
        @NotNull ExcursionDecision decision,
        @NotBlank @Size(max = TextLimits.REASON) String reason) {}
