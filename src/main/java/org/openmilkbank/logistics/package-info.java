/**
 * Collection points, pick-up runs, transport boxes and the cold-chain verdict on arrival.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "donor", "standards"})
package org.openmilkbank.logistics;
