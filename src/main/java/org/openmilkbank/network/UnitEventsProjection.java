package org.openmilkbank.network;

import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The hub's projection of a bank's {@code events} batches into {@link UnitEvents}. */
@Component
class UnitEventsProjection implements BatchProjection {

    private final UnitEvents events;

    UnitEventsProjection(UnitEvents events) {
        this.events = events;
    }

    @Override
    public String kind() {
        return UnitEventsWriter.KIND;
    }

    @Override
    public void project(String facilityCode, long sequence, Instant createdAt, JsonNode payload) {
        events.project(facilityCode, sequence, createdAt, payload);
    }
}
