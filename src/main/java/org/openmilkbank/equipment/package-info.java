/**
 * The bank's instruments: the equipment register, calibrations with their test points, each instrument's standing
 * at a moment (what was true when a run was measured), the heat-penetration studies of each pasteuriser and the
 * calibration work list.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "standards"})
package org.openmilkbank.equipment;
