/**
 * Reading a logger's CSV by its layout: the parser and layout the pasteurisation log import and the freezer logger
 * import share (the named interface {@code equipment::log}).
 */
@org.springframework.modulith.NamedInterface("log")
package org.openmilkbank.equipment.log;
