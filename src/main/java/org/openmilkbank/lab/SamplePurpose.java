package org.openmilkbank.lab;

/** Why a sample was taken; raw milk QC and the analyser add their purposes later. */
public enum SamplePurpose {
    PRE_CULTURE("pre-culture"),
    POST_CULTURE("post-culture");

    private final String procedure;

    SamplePurpose(String procedure) {
        this.procedure = procedure;
    }

    /** The code of the procedure such a sample follows (procedures become data of the profile later). */
    public String procedure() {
        return procedure;
    }
}
