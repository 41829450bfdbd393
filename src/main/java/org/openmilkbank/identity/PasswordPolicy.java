package org.openmilkbank.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmilkbank.shared.RuleViolation;

/**
 * What a hospital accepts as a staff password: at least 12 characters, at most 72 bytes (all that BCrypt reads),
 * not a common password and not the user name with digits or symbols added.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = common.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The bundled list of common passwords. */
    static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("identity/common-passwords.txt is missing");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return new PasswordPolicy(reader.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .collect(Collectors.toSet()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses the password with a coded reason, or returns quietly. */
    void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new RuleViolation("user.password.tooShort", MIN_LENGTH).on("password");
        }
        if (!fitsBcrypt(password)) {
            throw new RuleViolation("user.password.tooLong", MAX_BYTES).on("password");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw new RuleViolation("user.password.common").on("password");
        }
        if (isUsernameDressedUp(lower, username)) {
            throw new RuleViolation("user.password.containsUsername").on("password");
        }
    }

    // the user name with only digits and symbols around it is the first thing anyone tries
    private static boolean isUsernameDressedUp(String lowerPassword, String username) {
        if (username == null || username.isBlank()) {
            return false;
        }
        String name = username.strip().toLowerCase(Locale.ROOT);
        String rest = lowerPassword.replace(name, "");
        return rest.length() < lowerPassword.length() && rest.codePoints().noneMatch(Character::isLetter);
    }

    /** BCrypt reads only the first 72 bytes and refuses longer input outright. */
    static boolean fitsBcrypt(CharSequence password) {
        return password.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
