package org.openmilkbank.traceability;

import java.util.List;

/**
 * A trace both ways from one origin (a unit, a donor's containers, or the units an infant received): the donors
 * upstream, every unit walked by kind, and every dispense or feed downstream with its infant.
 */
public record TraceResult(
        Traced.Origin origin,
        List<Traced.Donor> donors,
        Traced.Units units,
        List<Traced.Feed> feeds,
        List<Traced.Infant> infants) {}
