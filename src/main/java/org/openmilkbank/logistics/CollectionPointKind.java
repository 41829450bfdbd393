package org.openmilkbank.logistics;

/** Where donors leave their frozen milk for the bank to collect. */
public enum CollectionPointKind {
    HOSPITAL,
    CLINIC,
    COMMUNITY
}
