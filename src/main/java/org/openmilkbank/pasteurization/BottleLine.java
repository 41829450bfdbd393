package org.openmilkbank.pasteurization;

/** One size of bottle a run filled: mL per bottle and how many, e.g. 20 × 50 mL. */
public record BottleLine(int volumeMl, int count) {

    public int totalMl() {
        return volumeMl * count;
    }
}
