package org.openmilkbank.donor;

/** Where the donor was recruited. */
public enum Recruitment {
    HOSPITAL,
    COMMUNITY
}
