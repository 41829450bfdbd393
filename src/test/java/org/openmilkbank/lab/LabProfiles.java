package org.openmilkbank.lab;

import java.util.EnumMap;
import java.util.Map;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;

/** The culture rules of the profiles (V100 and reference 5) for plain unit tests without a database. */
final class LabProfiles {

    private LabProfiles() {}

    static StandardProfile nice() {
        return profile("NICE", "TOTAL_VIABLE_COUNT=100000,ENTEROBACTERIACEAE=10000,STAPH_AUREUS=10000", "ANY=10");
    }

    static StandardProfile italy() {
        return profile("ITALY", "TOTAL_VIABLE_COUNT=100000,ENTEROBACTERIACEAE=10000,STAPH_AUREUS=10000", "ANY=10");
    }

    static StandardProfile france() {
        return profile("FRANCE", "TOTAL_VIABLE_COUNT=1000000,STAPH_AUREUS=10000", "");
    }

    static StandardProfile hmbana() {
        return profile("HMBANA", "", "ANY=0");
    }

    static StandardProfile brazil() {
        return profile("BRAZIL", "", "COLIFORMS=0");
    }

    static StandardProfile profile(String code, String pre, String post) {
        Map<Parameter, String> v = new EnumMap<>(Parameter.class);
        v.put(Parameter.CULTURE_MIN_INCUBATION_HOURS, "48");
        v.put(Parameter.CULTURE_READ_HOURS, "24,48");
        v.put(Parameter.CULTURE_INCUBATION_TEMPERATURE_C, "36");
        v.put(Parameter.CULTURE_INCUBATION_TOLERANCE_C, "1");
        v.put(Parameter.PRE_CULTURE_LIMITS, pre);
        v.put(Parameter.POST_CULTURE_LIMITS, post);
        return StandardProfile.of(code, code, v);
    }
}
