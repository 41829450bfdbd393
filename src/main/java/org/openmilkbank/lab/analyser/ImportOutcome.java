package org.openmilkbank.lab.analyser;

import java.util.UUID;

/** What an import kept: its rows, how many count for their units, and how many of the check sample. */
public record ImportOutcome(UUID importId, int imported, int counted, int notCounted, int checkSamples) {}
