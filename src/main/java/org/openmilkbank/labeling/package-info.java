/**
 * DIN issuing, ICCBBA product codes, label sheets (PDF, ZPL) and the record of prints.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.openmilkbank.labeling;
