package org.openmilkbank.collection;

import java.time.LocalDate;
import java.util.UUID;

public record RawContainerView(
        UUID id,
        String din,
        UUID donationId,
        UUID donorId,
        String donorCode,
        int volumeMl,
        LocalDate expressedOn,
        ContainerState state) {}
