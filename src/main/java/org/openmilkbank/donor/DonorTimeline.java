package org.openmilkbank.donor;

import java.util.List;

/** A donor's story, newest first, with how many donations and how much milk she has given. */
public record DonorTimeline(List<TimelineEntry> entries, int donations, int volumeMl) {

    public DonorTimeline {
        entries = List.copyOf(entries);
    }
}
