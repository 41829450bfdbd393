package org.openmilkbank.lab;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.Said;

/**
 * A raw container failed the lab's quality control (a sensory check, or a Dornic mean at or over the profile's
 * limit); the module that keeps containers discards it in the same transaction. {@code reasons} say why, as data.
 */
public record RawMilkRejected(UUID containerId, String din, List<Said> reasons, Instant at) {

    public RawMilkRejected {
        reasons = List.copyOf(reasons);
    }
}
