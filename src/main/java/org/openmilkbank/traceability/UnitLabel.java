package org.openmilkbank.traceability;

import org.openmilkbank.shared.Din;

/** How people name a unit: its DIN with the check character, or its code when it has no DIN (a run). */
final class UnitLabel {

    private UnitLabel() {}

    static String of(String din, String code) {
        if (din != null) {
            return Din.parse(din).withCheck();
        }
        return code;
    }
}
