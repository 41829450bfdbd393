package org.openmilkbank.reporting.monthly;

/**
 * The standard profile the bank follows: a built-in one is named by the bundle's
 * {@code standards.profile.<CODE>.name}; one the bank added itself by its stored name.
 */
public record ProfileInForce(String code, String storedName, boolean builtIn) {

    public String nameKey() {
        return "standards.profile." + code + ".name";
    }
}
