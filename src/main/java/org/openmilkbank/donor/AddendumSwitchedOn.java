package org.openmilkbank.donor;

import java.time.Instant;

/**
 * Published in the transaction that switches an emergency addendum on (on the donor pages or by the module that
 * adopted it), so a module that reports its addenda elsewhere (the network) learns it is in force again.
 *
 * @param origin where the addendum came from ({@link AddendumView#origin()}), {@code null} for the bank's own
 */
public record AddendumSwitchedOn(String code, String origin, Instant at, String by) {}
