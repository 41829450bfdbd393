package org.openmilkbank.traceability;

import java.util.List;
import java.util.UUID;

/** A labelled item (container, pool or bottle): the donors upstream and the infants downstream. */
public record DinTrace(
        Kind kind,
        UUID id,
        String din,
        String state,
        List<Traced.Donor> donors,
        List<Traced.Container> containers,
        List<Traced.Pool> pools,
        List<Traced.Run> runs,
        List<Traced.Bottle> bottles,
        List<Traced.Feed> feeds,
        List<Traced.Infant> infants) {

    public enum Kind {
        CONTAINER,
        POOL,
        BOTTLE
    }
}
