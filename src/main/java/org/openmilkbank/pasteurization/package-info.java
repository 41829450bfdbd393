/**
 * Pasteurisation runs, the culture after, and release by a second person through the safety gate.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "processing",
            "inventory",
            "standards",
            "labeling",
            "traceability",
            "lab",
            "equipment",
            "equipment::log"
        })
package org.openmilkbank.pasteurization;
