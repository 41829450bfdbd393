package org.openmilkbank.donor;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may see a donor as a person (name, home address, health answers, serology and deferral reasons): the
 * coordinator who screens and visits her, the manager and the administrator. Everyone else sees her donor code.
 */
public final class ClinicalRights {

    private static final Set<String> HOLDERS = Set.of("ROLE_DONOR_COORDINATOR", "ROLE_MANAGER", "ROLE_ADMIN");

    private ClinicalRights() {}

    /** Whether the signed-in staff member holds clinical rights over donors. */
    public static boolean current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.isAuthenticated()
                && auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(HOLDERS::contains);
    }
}
