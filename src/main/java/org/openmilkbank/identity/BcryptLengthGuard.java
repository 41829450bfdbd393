package org.openmilkbank.identity;

import org.openmilkbank.shared.RuleViolation;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt throws on input over 72 bytes; a sign-in with such a password is simply wrong, and setting one is a
 * clear refusal, never a 500.
 */
final class BcryptLengthGuard implements PasswordEncoder {

    private final PasswordEncoder delegate;

    BcryptLengthGuard(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        if (rawPassword != null && !PasswordPolicy.fitsBcrypt(rawPassword)) {
            throw new RuleViolation("user.password.tooLong", PasswordPolicy.MAX_BYTES);
        }
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword != null && !PasswordPolicy.fitsBcrypt(rawPassword)) {
            return false;
        }
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
