package org.openmilkbank.lab.analyser;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An instrument as the lab defined it (its channels in the nutrients' order). */
public record InstrumentView(
        UUID id,
        String name,
        String model,
        String serial,
        String sampleColumn,
        String timeColumn,
        String checkSampleId,
        List<ChannelDetails> channels,
        boolean active,
        String retiredReason,
        Instant createdAt,
        String createdBy) {

    public InstrumentDetails details() {
        return new InstrumentDetails(name, model, serial, sampleColumn, timeColumn, checkSampleId, channels);
    }
}
