package org.openmilkbank.support;

import java.util.Set;
import java.util.UUID;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Test helpers to create staff accounts and act as them, through the real identity module. */
public final class Staff {

    public static final String PASSWORD = "correct-horse-9";

    private Staff() {}

    /** Creates an account with a unique name holding the role and returns its username. */
    public static String create(IdentityManagement identity, Role role) {
        String username = role.name().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        asSystem(() -> identity.create(username, "Khamla Vongsa", PASSWORD, Set.of(role)));
        return username;
    }

    /** Runs the action signed in as the given user with the given role. */
    public static void as(String username, Role role, Runnable action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, Set.of(new SimpleGrantedAuthority(role.authority()))));
        try {
            action.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public static void asSystem(Runnable action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.clearContext();
        try {
            action.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
