package org.openmilkbank.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.shared.Din;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/**
 * A donation was received: every container it brought is a unit of the lineage (her donor, the day she expressed
 * it), received into the raw store, held at reception, or rejected, with the reasons as codes.
 */
public record ContainersReceived(UUID donationId, UUID donorId, UUID boxId, Instant at, List<Line> lines)
        implements MilkHandled {

    public ContainersReceived {
        lines = List.copyOf(lines);
    }

    /** One container as reception decided it; {@code holdReasonCodes} are message keys, never words. */
    public record Line(
            UUID containerId,
            Din din,
            LocalDate expressedOn,
            int volumeMl,
            ContainerState state,
            RejectReason rejectReason,
            List<String> holdReasonCodes) {

        public Line {
            holdReasonCodes = List.copyOf(holdReasonCodes);
        }
    }

    @Override
    public MilkHandling handling() {
        MilkHandling.Builder b = MilkHandling.builder();
        for (Line line : lines) {
            b.container(line.containerId(), line.din(), donorId, line.expressedOn(), at);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("donation", donationId.toString());
            data.put("volumeMl", line.volumeMl());
            if (boxId != null) {
                data.put("box", boxId.toString());
            }
            switch (line.state()) {
                case REJECTED -> {
                    data.put("rejectReason", line.rejectReason().name());
                    b.event(
                            line.containerId(),
                            MilkEventType.REJECTED,
                            at,
                            line.rejectReason().messageKey(),
                            data);
                }
                case HELD -> {
                    data.put("holdReasons", line.holdReasonCodes());
                    b.event(line.containerId(), MilkEventType.HELD_AT_RECEPTION, at, "collection.held", data);
                }
                default -> b.event(line.containerId(), MilkEventType.RECEIVED, at, null, data);
            }
        }
        return b.build();
    }
}
