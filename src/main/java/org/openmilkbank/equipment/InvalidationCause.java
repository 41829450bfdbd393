package org.openmilkbank.equipment;

/** Why a heat-penetration study no longer holds. */
public enum InvalidationCause {
    REPAIR,
    DEVIATION
}
