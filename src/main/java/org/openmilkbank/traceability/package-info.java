/**
 * The milk's lineage, holds, the safety gate, trace, look-back and recall. Reads the milk modules' tables only with read-only SQL; never depends on their Java code.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "donor", "standards", "labeling"})
package org.openmilkbank.traceability;
