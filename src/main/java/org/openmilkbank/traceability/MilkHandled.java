package org.openmilkbank.traceability;

/**
 * A past-tense event of a milk module (containers received, pooled, bottles filled, a run released, a bottle
 * dispensed) that the lineage records. Published inside the module's transaction; {@link LineageWriter} appends
 * its units, links and events in that same transaction, so a step and its lineage commit or roll back together.
 */
public interface MilkHandled {

    MilkHandling handling();
}
