/**
 * Infants, consent and dispensing at the bank through the safety gate.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "inventory", "standards", "traceability"})
package org.openmilkbank.dispensing;
