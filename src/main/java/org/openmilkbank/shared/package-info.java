/**
 * Value objects, history and web plumbing every module uses. Open: its types are the common vocabulary.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.openmilkbank.shared;
