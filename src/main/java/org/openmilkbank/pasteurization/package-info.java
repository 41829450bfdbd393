/**
 * Pasteurisation runs, the culture after, and release by a second person through the safety gate.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "processing", "inventory", "lab", "standards", "labeling", "traceability"})
package org.openmilkbank.pasteurization;
