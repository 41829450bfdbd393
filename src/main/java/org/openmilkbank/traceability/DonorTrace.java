package org.openmilkbank.traceability;

import java.util.List;

/** Everything a donor's milk became, down to every infant who received it. */
public record DonorTrace(
        Traced.Donor donor,
        List<Traced.Container> containers,
        List<Traced.Pool> pools,
        List<Traced.Run> runs,
        List<Traced.Bottle> bottles,
        List<Traced.Feed> feeds,
        List<Traced.Infant> infants) {}
