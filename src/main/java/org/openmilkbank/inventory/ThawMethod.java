package org.openmilkbank.inventory;

/** How a frozen bottle was thawed: its clock is the profile's for that way. */
public enum ThawMethod {
    /** In a fridge: {@code thawed.life-hours}. */
    FRIDGE,
    /** At room temperature: {@code thawed.room-life-hours}. */
    ROOM
}
