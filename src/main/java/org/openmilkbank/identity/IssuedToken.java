package org.openmilkbank.identity;

/** A token just created: {@code token} is shown this once and never stored. */
public record IssuedToken(ApiTokenView view, String token) {}
