package org.openmilkbank.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting now: the signed-in staff member, or {@code system} for scheduled and startup work. */
public final class CurrentActor {

    public static final String SYSTEM = "system";

    private CurrentActor() {}

    public static String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? SYSTEM : auth.getName();
    }
}
