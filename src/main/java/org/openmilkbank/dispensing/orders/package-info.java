/**
 * Orders of donor milk for an infant: who should get it, shortage mode and its ranking, and the bank's allocation of
 * bottles to each order. Other modules (the ward) read orders through this named interface.
 */
@org.springframework.modulith.NamedInterface("orders")
package org.openmilkbank.dispensing.orders;
