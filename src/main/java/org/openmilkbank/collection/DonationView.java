package org.openmilkbank.collection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record DonationView(
        UUID id,
        UUID donorId,
        String donorCode,
        Instant receivedAt,
        String receivedBy,
        String note,
        List<RawContainerView> containers) {

    public DonationView {
        containers = List.copyOf(containers);
    }

    public int totalVolumeMl() {
        return containers.stream().mapToInt(RawContainerView::volumeMl).sum();
    }
}
