package org.openmilkbank.network;

/** Where a forecast's month-of-year indices came from. */
public enum SeasonalSource {
    /** the bank's own history (two years or more) */
    OWN,
    /** the pooled indices of the banks of its country that have two years */
    COUNTRY,
    /** the pooled indices of every bank of the network that has two years */
    NETWORK,
    /** no seasonal trend: no bank has two years of history */
    NONE
}
