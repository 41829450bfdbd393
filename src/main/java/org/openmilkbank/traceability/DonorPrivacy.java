package org.openmilkbank.traceability;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A donor's name is for staff with clinical rights over donors (coordinator, manager, administrator); the lab
 * and the wards see her donor code only, in traces and look-backs as everywhere else.
 */
final class DonorPrivacy {

    private static final Set<String> MAY_SEE_NAMES = Set.of("ROLE_DONOR_COORDINATOR", "ROLE_MANAGER", "ROLE_ADMIN");

    private DonorPrivacy() {}

    static String visible(String donorName) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean allowed = auth != null
                && auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(MAY_SEE_NAMES::contains);
        return allowed ? donorName : null;
    }
}
