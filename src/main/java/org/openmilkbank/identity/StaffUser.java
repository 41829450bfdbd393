package org.openmilkbank.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;

/** A staff member who signs in. Disabled, never deleted, so that history keeps naming them. */
@Entity
@Table(name = "staff_user")
class StaffUser {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "session_version", nullable = false)
    private long sessionVersion;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Version
    private long version;

    protected StaffUser() {}

    StaffUser(String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
        if (roles == null || roles.isEmpty()) {
            throw new RuleViolation("user.roles.required").on("roles");
        }
        this.id = UUID.randomUUID();
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = EnumSet.copyOf(roles);
        this.enabled = true;
        this.createdAt = now;
    }

    void changeRoles(Set<Role> newRoles) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new RuleViolation("user.roles.required").on("roles");
        }
        if (!roles.equals(EnumSet.copyOf(newRoles))) {
            endSessions();
        }
        roles = EnumSet.copyOf(newRoles);
    }

    void disable() {
        enabled = false;
        endSessions();
    }

    void enable() {
        enabled = true;
    }

    /** A new password set by an ADMIN (or the first start) must be changed by its owner. */
    void resetPassword(String hash, boolean ownerMustChange) {
        passwordHash = hash;
        mustChangePassword = ownerMustChange;
        endSessions();
    }

    /** The owner chose her own new password. */
    void changeOwnPassword(String hash) {
        passwordHash = hash;
        mustChangePassword = false;
        endSessions();
    }

    // every session opened under an older version is refused on its next request
    private void endSessions() {
        sessionVersion++;
    }

    long sessionVersion() {
        return sessionVersion;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    Set<Role> roles() {
        return Set.copyOf(roles);
    }
}
