/**
 * The cold chain of storage units: temperature readings (typed or a logger's file), readings due and missed,
 * alarms, excursions and the manager's decisions on the milk they held. Its services are the named interface
 * {@code storage::cold} (the demo bank records readings through them).
 */
@org.springframework.modulith.NamedInterface("cold")
package org.openmilkbank.storage.cold;
