package org.openmilkbank.traceability;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A donor's name and the clinical record behind a hold on her milk are for staff with clinical rights over donors
 * (coordinator, manager, administrator); the lab and the wards see her donor code and neutral reasons only.
 */
final class DonorPrivacy {

    private static final Set<String> CLINICAL = Set.of("ROLE_DONOR_COORDINATOR", "ROLE_MANAGER", "ROLE_ADMIN");

    private DonorPrivacy() {}

    static boolean clinical() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(CLINICAL::contains);
    }

    static String visible(String donorName) {
        return clinical() ? donorName : null;
    }
}
