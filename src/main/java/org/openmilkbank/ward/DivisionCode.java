package org.openmilkbank.ward;

import java.util.regex.Pattern;
import org.openmilkbank.shared.Din;

/**
 * An ISBT 128 division code: what tells the parts of one product apart (ST-001, the product code's 6th and 7th
 * characters). The first level is a capital A–Z, the second a small a–z or 0 for none: a bottle's syringes are
 * A0, B0, C0 …, so one bottle is divided into at most 26 aliquots. An aliquot is named by its bottle's DIN and its
 * division: {@code A000126000001-A0}.
 */
record DivisionCode(String value) {

    static final int MAX = 26;
    private static final Pattern FORM = Pattern.compile("[A-Z][0a-z]");

    DivisionCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not an ISBT 128 division code: " + value);
        }
    }

    /** The n-th division of a product, counted from 0: A0, B0 … Z0. */
    static DivisionCode nth(int n) {
        if (n < 0 || n >= MAX) {
            throw new IllegalArgumentException("a bottle has divisions A0 to Z0, not number " + n);
        }
        return new DivisionCode((char) ('A' + n) + "0");
    }

    /** The aliquot's code: its bottle's DIN (13 characters) and the division. */
    String codeOf(Din bottle) {
        return bottle.value() + "-" + value;
    }

    /** The aliquot's code as a person reads it: the DIN with its check character, then the division. */
    String shownOf(Din bottle) {
        return bottle.withCheck() + " " + value;
    }
}
