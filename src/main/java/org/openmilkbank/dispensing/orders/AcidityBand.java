package org.openmilkbank.dispensing.orders;

/** The acidity an order asks for where the bank titrates Dornic acidity (reference section 12): 0–4 or 4–8 °D. */
public enum AcidityBand {
    UP_TO_4,
    FROM_4_TO_8
}
