package org.openmilkbank.lab.procedure;

import java.util.Arrays;
import java.util.Optional;

/** The lab's standard operating procedures; each is an ordered list of steps, data of the profile. */
public enum Procedure {
    SENSORY("sensory", 5),
    DORNIC("dornic", 4),
    CREMATOCRIT("crematocrit", 4),
    PRE_CULTURE("pre-culture", 5),
    POST_CULTURE("post-culture", 5),
    ANALYSER_CHECK("analyser-check", 3);

    private final String code;
    private final int builtInSteps;

    Procedure(String code, int builtInSteps) {
        this.code = code;
        this.builtInSteps = builtInSteps;
    }

    /** The code a sample records (and URLs use). */
    public String code() {
        return code;
    }

    /** How many steps the standard's procedure has: keys {@code lab.procedure.<code>.step.1} … */
    int builtInSteps() {
        return builtInSteps;
    }

    /** The message key of the standard's step at the position (from 1). */
    String stepKey(int position) {
        return "lab.procedure." + code + ".step." + position;
    }

    public static Optional<Procedure> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
