package org.openmilkbank.identity;

import java.util.Set;
import java.util.UUID;
import org.openmilkbank.shared.Role;

/** A staff account as other modules and the API see it (never the password). */
public record StaffAccount(
        UUID id, String username, String displayName, boolean enabled, Set<Role> roles, boolean mustChangePassword) {

    static StaffAccount of(StaffUser user) {
        return new StaffAccount(
                user.id(),
                user.username(),
                user.displayName(),
                user.enabled(),
                user.roles(),
                user.mustChangePassword());
    }
}
