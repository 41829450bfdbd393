/**
 * Storage: places (storage units, shelves, boxes, positions) and each stay of milk in them; the cold chain
 * ({@code storage.cold}): temperature readings, missed readings, alarms, excursions and their decisions.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "standards", "traceability", "equipment::log", "inventory", "collection"})
package org.openmilkbank.storage;
