/**
 * Standard profiles (HMBANA, NICE, Brazil rBLH, a bank's own) and their parameters; the bank's active profile.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.openmilkbank.standards;
