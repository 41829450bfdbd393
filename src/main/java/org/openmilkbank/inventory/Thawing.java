package org.openmilkbank.inventory;

import java.time.Instant;

/**
 * Thawing and warming a released bottle, at the bank or on the ward: each is recorded with when and how, shortens the
 * bottle's expiry to the profile's clock and is a lineage event. Accepts the DIN as scanned (13 or 14 characters);
 * {@code at} is when it happened ({@code null}: now).
 */
public interface Thawing {

    BottleView thaw(String din, ThawMethod method, Instant at);

    BottleView warm(String din, Instant at);
}
