package org.openmilkbank.storage;

import java.time.Instant;
import java.util.UUID;

/** A unit kept in a place of another purpose than it now needs (a released bottle still in quarantine). */
public record ToMove(UUID unitId, String label, String place, PlacePurpose needs, Instant since) {}
