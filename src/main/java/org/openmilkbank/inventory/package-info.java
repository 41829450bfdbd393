/**
 * Bottles: quarantine, released stock, discard, first to expire first.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "labeling", "standards", "traceability"})
package org.openmilkbank.inventory;
