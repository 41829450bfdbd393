package org.openmilkbank.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Refuses sign-ins for a locked account or address without checking the password, and counts failures. */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final AuthenticationProvider delegate;
    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        var lockedUntil = throttle.lockedUntil(username, address);
        if (lockedUntil.isPresent()) {
            log.warn("Refused sign-in for {} from {}: locked until {}", username, address, lockedUntil.get());
            throw new LockedException("Too many failed sign-ins; locked until " + lockedUntil.get());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(username, address);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            log.info("Failed sign-in for {} from {}", username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
