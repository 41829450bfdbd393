package org.openmilkbank.shared;

/** The order a bank writes a person's names in: a convention of its country, set by its standard profile. */
public enum NameOrder {
    /** "Nguyễn Thị Thu": Vietnamese, Lao and other family-name-first conventions. */
    FAMILY_FIRST,
    /** "Thị Thu Nguyễn": English, Portuguese and most European conventions. */
    GIVEN_FIRST
}
