/**
 * Staff accounts, roles, sign-in and the security of every request.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.openmilkbank.identity;
