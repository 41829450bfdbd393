/**
 * Pools and the culture before pasteurisation; asks the safety gate before pooling.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "collection", "standards", "labeling", "traceability", "lab"})
package org.openmilkbank.processing;
