package org.openmilkbank.inventory;

import java.time.LocalDate;
import java.util.UUID;

public record BottleView(
        UUID id, String din, UUID runId, UUID poolId, int volumeMl, LocalDate expiresOn, BottleState state) {}
