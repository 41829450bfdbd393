package org.openmilkbank.network.web;

import org.openmilkbank.network.KeyFingerprints;
import org.openmilkbank.shared.RuleViolation;

/** A key's fingerprint for a page; a stored key that is unreadable shows as a dash rather than failing the page. */
final class KeyText {

    private KeyText() {}

    static String fingerprint(String publicKey) {
        try {
            return KeyFingerprints.of(publicKey);
        } catch (RuleViolation e) {
            return "—";
        }
    }
}
