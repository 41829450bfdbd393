package org.openmilkbank.logistics;

/** How the milk travels: frozen everywhere; refrigerated liquid only where the profile allows it. */
public enum TransportMode {
    FROZEN,
    LIQUID
}
