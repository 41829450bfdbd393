package org.openmilkbank.identity;

import java.util.UUID;
import org.springframework.security.core.userdetails.User;

/** The signed-in staff member, with the session version her sign-in was made under. */
final class StaffPrincipal extends User {

    private final UUID id;
    private final long sessionVersion;

    StaffPrincipal(StaffUser user) {
        super(
                user.username(),
                user.passwordHash(),
                user.enabled(),
                true,
                true,
                true,
                user.roles().stream()
                        .map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority(r.authority()))
                        .toList());
        this.id = user.id();
        this.sessionVersion = user.sessionVersion();
    }

    UUID id() {
        return id;
    }

    long sessionVersion() {
        return sessionVersion;
    }

    // equality by user name, as User; the extra fields do not change who she is
    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
