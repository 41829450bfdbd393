package org.openmilkbank.lab;

import java.util.UUID;

/** The unit a sample is taken from: its id, kind (POOL, RUN, CONTAINER, BOTTLE) and name as people read it. */
record SampledUnit(UUID id, String kind, String label) {}
