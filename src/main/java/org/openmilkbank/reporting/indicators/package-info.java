/**
 * The data dictionary's indicators, computed by read-only SQL over the modules' views; published to the network
 * module, which shares a bank's months with the hub.
 */
@org.springframework.modulith.NamedInterface("indicators")
package org.openmilkbank.reporting.indicators;
