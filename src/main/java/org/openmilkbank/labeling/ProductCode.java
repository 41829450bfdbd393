package org.openmilkbank.labeling;

/**
 * ICCBBA ISBT 128 product description codes for human milk. Which one a container or bottle carries follows
 * from its state and the freezer temperature the bank stores it at.
 */
public enum ProductCode {
    M0001("M0001", true, -30),
    M0003("M0003", false, -30),
    M0006("M0006", false, -18),
    M0007("M0007", true, -18);

    private final String code;
    private final boolean pasteurised;
    private final int storedAtOrBelowC;

    ProductCode(String code, boolean pasteurised, int storedAtOrBelowC) {
        this.code = code;
        this.pasteurised = pasteurised;
        this.storedAtOrBelowC = storedAtOrBelowC;
    }

    public String code() {
        return code;
    }

    public boolean pasteurised() {
        return pasteurised;
    }

    public int storedAtOrBelowC() {
        return storedAtOrBelowC;
    }

    /** The message key of the product's description. */
    public String descriptionKey() {
        return "label.product." + code;
    }

    public static ProductCode forRaw(int freezerTemperatureC) {
        return freezerTemperatureC <= -30 ? M0003 : M0006;
    }

    public static ProductCode forPasteurised(int freezerTemperatureC) {
        return freezerTemperatureC <= -30 ? M0001 : M0007;
    }
}
