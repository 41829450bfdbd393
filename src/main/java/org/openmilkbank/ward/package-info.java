/**
 * The neonatal unit: thawing and dividing bottles into aliquots with their labels, the bedside check with its near
 * misses, feeds, the infant's record of feeds, wristband labels.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "standards",
            "traceability",
            "inventory",
            "dispensing",
            "dispensing::orders",
            "labeling"
        })
package org.openmilkbank.ward;
