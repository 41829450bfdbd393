package org.openmilkbank.collection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A donation as received: every container that came in (accepted, held and rejected alike), with what reception
 * recorded for each in {@code lines}, and the logistics box it arrived in, if any.
 */
public record DonationView(
        UUID id,
        UUID donorId,
        String donorCode,
        Instant receivedAt,
        String receivedBy,
        String note,
        List<RawContainerView> containers,
        UUID boxId,
        List<ReceivedContainer> lines) {

    public DonationView {
        containers = List.copyOf(containers);
        lines = List.copyOf(lines);
    }

    /** The volume the bank kept: accepted and held containers, not rejected ones. */
    public int totalVolumeMl() {
        return lines.stream()
                .filter(l -> !l.rejected())
                .mapToInt(l -> l.container().volumeMl())
                .sum();
    }

    public List<ReceivedContainer> accepted() {
        return lines.stream().filter(ReceivedContainer::accepted).toList();
    }

    public List<ReceivedContainer> held() {
        return lines.stream().filter(ReceivedContainer::held).toList();
    }

    public List<ReceivedContainer> rejected() {
        return lines.stream().filter(ReceivedContainer::rejected).toList();
    }

    /** What reception decided for this donation, whatever became of the containers since. */
    public List<ReceivedContainer> acceptedAtReception() {
        return lines.stream().filter(ReceivedContainer::acceptedAtReception).toList();
    }

    public List<ReceivedContainer> heldAtReception() {
        return lines.stream().filter(ReceivedContainer::heldAtReception).toList();
    }

    public List<ReceivedContainer> rejectedAtReception() {
        return lines.stream().filter(ReceivedContainer::rejectedAtReception).toList();
    }

    /** The containers that get a label: everything the bank keeps (accepted or held). */
    public List<ReceivedContainer> labelled() {
        return lines.stream().filter(l -> !l.rejected()).toList();
    }
}
