package org.openmilkbank.donor;

import java.time.LocalDate;
import org.openmilkbank.shared.Said;

/**
 * One line of a donor's timeline: screening, test, donation, deferral or block. The summary is a message key with
 * its arguments, rendered in the reader's language.
 */
public record TimelineEntry(LocalDate on, String kind, Said summary, Integer volumeMl) {}
