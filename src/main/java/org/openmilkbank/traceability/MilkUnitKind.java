package org.openmilkbank.traceability;

/** What a unit of milk in the lineage is. */
public enum MilkUnitKind {
    CONTAINER,
    POOL,
    RUN,
    BOTTLE,
    ALIQUOT,
    SAMPLE
}
