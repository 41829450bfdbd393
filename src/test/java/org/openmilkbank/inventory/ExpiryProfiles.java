package org.openmilkbank.inventory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;

/** The expiry clocks of the built-in profiles as V2, V11 and V180 seed them, for plain tests without a database. */
final class ExpiryProfiles {

    private ExpiryProfiles() {}

    static StandardProfile of(String code, int rawDays, int months, String from) {
        Map<Parameter, String> v = new EnumMap<>(Parameter.class);
        v.put(Parameter.RAW_MAX_AGE_DAYS, String.valueOf(rawDays));
        v.put(Parameter.PASTEURISED_EXPIRY_MONTHS, String.valueOf(months));
        v.put(Parameter.PASTEURISED_EXPIRY_FROM, from);
        v.put(Parameter.THAWED_LIFE_HOURS, "24");
        v.put(Parameter.THAWED_ROOM_LIFE_HOURS, "4");
        v.put(Parameter.WARMED_LIFE_HOURS, "1");
        return StandardProfile.of(code, code, v);
    }

    static List<StandardProfile> builtIn() {
        return List.of(
                of("HMBANA", 365, 12, "EXPRESSION"),
                of("NICE", 90, 6, "EXPRESSION"),
                of("BRAZIL", 15, 6, "PASTEURISATION"),
                of("ITALY", 90, 6, "EXPRESSION"),
                of("FRANCE", 90, 6, "EXPRESSION"));
    }
}
