package org.openmilkbank.lab.analyser;

import java.util.List;

/** An instrument as the lab defines it: what it is, where its file keeps each value, and its daily check sample. */
public record InstrumentDetails(
        String name,
        String model,
        String serial,
        String sampleColumn,
        String timeColumn,
        String checkSampleId,
        List<ChannelDetails> channels) {}
