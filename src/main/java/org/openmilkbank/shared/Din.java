package org.openmilkbank.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * ISBT 128-style Donation Identification Number: facility (5), year (2), sequence (6), protected by an
 * ISO 7064 Mod 37-2 check character. The same structure identifies containers, pools and bottles.
 */
public final class Din {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";
    private static final Pattern FACILITY = Pattern.compile("[A-Z0-9]{5}");
    private static final Pattern BODY = Pattern.compile("[A-Z0-9]{5}[0-9]{8}");

    private final String value;

    private Din(String value) {
        this.value = value;
    }

    public static Din of(String facility, int year, int sequence) {
        if (facility == null || !FACILITY.matcher(facility).matches()) {
            throw new IllegalArgumentException("Facility identifier must be 5 letters or digits: " + facility);
        }
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("DIN sequence must be 1..999999: " + sequence);
        }
        return new Din(facility + String.format("%02d%06d", Math.floorMod(year, 100), sequence));
    }

    /**
     * Reads a DIN as typed or scanned: 13 characters, 13 plus its check character, or an ISBT 128 data
     * structure starting with {@code =} (flag characters after the 13 are ignored). Whitespace is ignored.
     *
     * @throws InvalidDinException with a message a person at the scanner can act on
     */
    public static Din parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidDinException("din.invalid.empty", input);
        }
        String code = input.replaceAll("\\s", "").toUpperCase();
        if (code.startsWith("=")) {
            code = code.substring(1);
            if (code.length() < 13) {
                throw new InvalidDinException("din.invalid.length", input);
            }
            code = code.substring(0, 13);
        }
        if (code.length() != 13 && code.length() != 14) {
            throw new InvalidDinException("din.invalid.length", input);
        }
        String body = code.substring(0, 13);
        if (!BODY.matcher(body).matches()) {
            throw new InvalidDinException("din.invalid.characters", input);
        }
        if (code.length() == 14 && code.charAt(13) != checkCharacter(body)) {
            throw new InvalidDinException("din.invalid.check", input);
        }
        return new Din(body);
    }

    /** ISO 7064 Mod 37-2 over the 13 characters. */
    public static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int v = ALPHABET.indexOf(body.charAt(i));
            if (v < 0 || v > 35) {
                throw new IllegalArgumentException("Not a DIN character: " + body.charAt(i));
            }
            sum = (sum + v) * 2 % 37;
        }
        return ALPHABET.charAt((38 - sum % 37) % 37);
    }

    public String value() {
        return value;
    }

    public char checkCharacter() {
        return checkCharacter(value);
    }

    /** The 13 characters followed by the check character, as stored and shown beside barcodes. */
    public String withCheck() {
        return value + checkCharacter();
    }

    public String facility() {
        return value.substring(0, 5);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Din other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
