/**
 * Pools and the culture before pasteurisation; asks the safety gate before pooling.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "collection", "lab", "standards", "labeling", "traceability"})
package org.openmilkbank.processing;
