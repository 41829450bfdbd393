/**
 * Donors, screening, serology, deferrals, addenda, status as of a date, and the risk windows of her milk.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "standards"})
package org.openmilkbank.donor;
