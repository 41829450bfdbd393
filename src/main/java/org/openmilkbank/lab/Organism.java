package org.openmilkbank.lab;

/** What a culture counts, in CFU/mL; OTHER carries its name. */
public enum Organism {
    TOTAL_VIABLE_COUNT,
    ENTEROBACTERIACEAE,
    STAPH_AUREUS,
    BACILLUS_CEREUS,
    COLIFORMS,
    OTHER
}
