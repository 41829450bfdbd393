package org.openmilkbank.donor;

import java.time.LocalDate;

/** One line of a donor's timeline: screening, test, donation, deferral or block. */
public record TimelineEntry(LocalDate on, String kind, String summary, Integer volumeMl) {}
