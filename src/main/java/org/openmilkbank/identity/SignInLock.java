package org.openmilkbank.identity;

import java.time.Instant;

/** An account that may not sign in until the given moment, after too many failed sign-ins. */
public record SignInLock(String username, Instant until) {}
