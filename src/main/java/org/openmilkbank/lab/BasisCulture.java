package org.openmilkbank.lab;

/** Where the post-pasteurisation culture of a sampled run stands, for the runs that rest on it. */
public enum BasisCulture {
    PENDING,
    NEGATIVE,
    POSITIVE
}
