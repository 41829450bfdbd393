package org.openmilkbank.pasteurization.curve;

/** What the run held: its bottles and their total volume. */
public record Load(int bottles, int volumeMl) {}
