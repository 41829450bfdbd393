/**
 * Where milk is kept: storage units (freezers, fridges, rooms), shelves, boxes and positions with their purpose and
 * capacity; put-away and moves by scanner, each a lineage event; where a unit is and was; stock takes. Reads the
 * milk's lifecycle states only through the views the milk modules publish and learns from the lineage events when a
 * unit leaves the shelves. The cold chain ({@code storage.cold}): temperature readings, missed readings, alarms,
 * excursions and their decisions (a discard goes through the milk module's own discard).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "standards",
            "traceability",
            "equipment",
            "equipment::log",
            "inventory",
            "collection"
        })
package org.openmilkbank.storage;
