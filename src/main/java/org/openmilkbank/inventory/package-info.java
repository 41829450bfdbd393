/**
 * Bottles: quarantine, released stock, discard, first to expire first.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "labeling", "standards", "traceability", "lab"})
package org.openmilkbank.inventory;
