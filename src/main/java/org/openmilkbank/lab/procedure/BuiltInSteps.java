package org.openmilkbank.lab.procedure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;

/**
 * The standard's steps of each procedure: message keys whose arguments are the profile's numbers (incubation, read
 * times, temperature, limits, the Dornic limit, the crematocrit formula), so nothing translated is stored and a changed parameter
 * changes the step.
 */
final class BuiltInSteps {

    private BuiltInSteps() {}

    /** The step with that key, said with the profile's numbers. */
    static Said said(String key, StandardProfile profile) {
        Procedure procedure = procedureOf(key);
        int position = Integer.parseInt(key.substring(key.lastIndexOf('.') + 1));
        return switch (procedure) {
            case DORNIC ->
                position == 4
                        ? profile.rawQcDornicLimit()
                                .map(limit -> Said.of(key, limit))
                                .orElse(Said.of(key + ".none"))
                        : Said.of(key);
            case CREMATOCRIT ->
                position == 4 ? Said.of(key, Said.label(profile.rawQcCrematocritFormula())) : Said.of(key);
            case PRE_CULTURE, POST_CULTURE -> culture(key, position, procedure, profile);
            default -> Said.of(key);
        };
    }

    /** The standard's keys of the procedure, in order. */
    static List<String> keys(Procedure procedure) {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= procedure.builtInSteps(); i++) {
            keys.add(procedure.stepKey(i));
        }
        return keys;
    }

    private static Said culture(String key, int position, Procedure procedure, StandardProfile profile) {
        Map<String, Long> limits =
                procedure == Procedure.PRE_CULTURE ? profile.preCultureLimits() : profile.postCultureLimits();
        return switch (position) {
            case 3 -> Said.of(key, media(limits));
            case 4 ->
                Said.of(
                        key,
                        profile.cultureMinIncubationHours(),
                        readHours(profile),
                        profile.cultureIncubationTemperatureC(),
                        profile.cultureIncubationToleranceC());
            case 5 ->
                limits.isEmpty()
                        ? Said.of(key + ".none")
                        : Said.of(
                                key,
                                limits.entrySet().stream()
                                        .map(e -> Said.of(
                                                "lab.culture.limit",
                                                "ANY".equals(e.getKey())
                                                        ? Said.code("lab.culture.limit.ANY")
                                                        : Said.code("enum.Organism." + e.getKey()),
                                                e.getValue()))
                                        .toList());
            default -> Said.of(key);
        };
    }

    /** The plates the profile's limits need: total count on blood agar, each named organism on its selective one. */
    private static List<Said> media(Map<String, Long> limits) {
        Set<String> media = new LinkedHashSet<>();
        media.add("BLOOD_AGAR");
        for (String organism : limits.keySet()) {
            switch (organism) {
                case "ENTEROBACTERIACEAE" -> media.add("MACCONKEY");
                case "COLIFORMS" -> media.add("VIOLET_RED_BILE");
                case "STAPH_AUREUS" -> media.add("BAIRD_PARKER");
                default -> media.add("BLOOD_AGAR");
            }
        }
        return media.stream().map(m -> Said.code("enum.CultureMedium." + m)).toList();
    }

    private static List<Said> readHours(StandardProfile profile) {
        List<Integer> hours = profile.cultureReadHours().isEmpty()
                ? List.of(profile.cultureMinIncubationHours())
                : profile.cultureReadHours();
        return hours.stream().map(h -> Said.of("lab.procedure.hours", h)).toList();
    }

    private static Procedure procedureOf(String key) {
        for (Procedure p : Procedure.values()) {
            if (key.startsWith("lab.procedure." + p.code() + ".step.")) {
                return p;
            }
        }
        throw new IllegalArgumentException("not a procedure step: " + key);
    }
}
