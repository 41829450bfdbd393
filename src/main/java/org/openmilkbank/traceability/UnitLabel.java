package org.openmilkbank.traceability;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.InvalidDinException;

/**
 * How people name a unit: its DIN with the check character, or for a run (which has no DIN of its own) its pool's
 * DIN with the check character and its number on the pool, {@code A000126000001X-R1}.
 */
final class UnitLabel {

    /** A run's code as stored: the pool's 13-character DIN and the run's number. */
    private static final Pattern STORED_RUN = Pattern.compile("^([A-Z0-9]{13})-R(\\d+)$");

    /** A run's name as typed or scanned: the pool's DIN in any form Din.parse reads, "-R" and the number. */
    private static final Pattern TYPED_RUN = Pattern.compile("(?i)^\\s*(.+?)\\s*-\\s*R\\s*(\\d{1,4})\\s*$");

    private UnitLabel() {}

    static String of(String din, String code) {
        if (din != null) {
            return Din.parse(din).withCheck();
        }
        if (code != null) {
            Matcher run = STORED_RUN.matcher(code);
            if (run.matches()) {
                return Din.parse(run.group(1)).withCheck() + "-R" + run.group(2);
            }
        }
        return code;
    }

    /** The stored code of the run a person named ({@code A000126000001X-R1} → {@code A000126000001-R1}), if she did. */
    static Optional<String> storedRunCode(String typed) {
        Matcher run = TYPED_RUN.matcher(typed);
        if (!run.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Din.parse(run.group(1).toUpperCase(java.util.Locale.ROOT))
                            .value() + "-R" + Integer.parseInt(run.group(2)));
        } catch (InvalidDinException e) {
            return Optional.empty();
        }
    }
}
