/**
 * Reception by container and the raw frozen store; asks the safety gate for every container.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "donor", "standards", "labeling", "logistics", "traceability", "lab"})
package org.openmilkbank.collection;
