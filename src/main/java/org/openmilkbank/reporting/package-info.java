/**
 * Today's work and the bank's indicators, by read-only SQL.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.openmilkbank.reporting;
