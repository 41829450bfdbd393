/**
 * Infants, consent and dispensing at the bank through the safety gate.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "inventory", "standards", "traceability", "labeling"})
package org.openmilkbank.dispensing;
