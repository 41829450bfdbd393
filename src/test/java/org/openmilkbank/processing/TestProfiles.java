package org.openmilkbank.processing;

import java.util.EnumMap;
import java.util.Map;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;

/** The built-in profiles' values (V2 migration) for plain unit tests without a database. */
public final class TestProfiles {

    private TestProfiles() {}

    public static StandardProfile nice() {
        Map<Parameter, String> v = new EnumMap<>(Parameter.class);
        v.put(Parameter.PRE_CULTURE_REQUIRED, "true");
        v.put(Parameter.PRE_CULTURE_MAX_TOTAL_CFU, "100000");
        v.put(Parameter.PRE_CULTURE_MAX_ENTEROBACTERIACEAE_CFU, "10000");
        v.put(Parameter.PRE_CULTURE_MAX_STAPH_AUREUS_CFU, "10000");
        v.put(Parameter.POST_CULTURE_MAX_CFU, "10");
        v.put(Parameter.RAW_MAX_AGE_DAYS, "90");
        v.put(Parameter.PASTEURISED_EXPIRY_MONTHS, "6");
        v.put(Parameter.PASTEURISED_EXPIRY_FROM, "EXPRESSION");
        v.put(Parameter.POOL_MAX_DONORS, "1");
        v.put(Parameter.HOLDER_TEMPERATURE_C, "62.5");
        v.put(Parameter.HOLDER_MINUTES, "30");
        return StandardProfile.of("NICE", "NICE CG93 (United Kingdom)", v);
    }

    public static StandardProfile hmbana() {
        Map<Parameter, String> v = new EnumMap<>(Parameter.class);
        v.put(Parameter.PRE_CULTURE_REQUIRED, "false");
        v.put(Parameter.POST_CULTURE_MAX_CFU, "0");
        v.put(Parameter.RAW_MAX_AGE_DAYS, "365");
        v.put(Parameter.PASTEURISED_EXPIRY_MONTHS, "12");
        v.put(Parameter.PASTEURISED_EXPIRY_FROM, "EXPRESSION");
        v.put(Parameter.POOL_MAX_DONORS, "5");
        v.put(Parameter.HOLDER_TEMPERATURE_C, "62.5");
        v.put(Parameter.HOLDER_MINUTES, "30");
        return StandardProfile.of("HMBANA", "HMBANA (North America)", v);
    }

    /** A profile that counts from the day of pasteurisation (Brazil-style). */
    public static StandardProfile fromPasteurisation() {
        Map<Parameter, String> v = new EnumMap<>(hmbana().values());
        v.put(Parameter.PASTEURISED_EXPIRY_FROM, "PASTEURISATION");
        v.put(Parameter.PASTEURISED_EXPIRY_MONTHS, "6");
        return StandardProfile.of("BR", "Brazil-style", v);
    }
}
