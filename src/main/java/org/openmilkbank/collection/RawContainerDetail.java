package org.openmilkbank.collection;

import java.util.UUID;

/** A raw container with what its page shows beyond the view: the pool it went into or why it was discarded. */
public record RawContainerDetail(RawContainerView container, UUID poolId, String discardReason) {}
