package org.openmilkbank.pasteurization.curve;

/**
 * The pasteuriser's heat-penetration study in force at the time of the run: whether it is still valid (not voided by a
 * repair or a deviation), the load it was studied with ({@code null}: not limited), how many cycles the pasteuriser
 * ran since, and after how many cycles it must be redone ({@code 0}: no cycle limit).
 */
public record HeatPenetrationCheck(
        boolean valid, Integer maxBottles, Integer maxVolumeMl, int cyclesSince, int redoEveryCycles) {}
