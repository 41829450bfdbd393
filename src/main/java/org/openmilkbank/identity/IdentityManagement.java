package org.openmilkbank.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: create, change roles, disable and enable again. */
@Service
@Transactional
public class IdentityManagement {

    static final String RECORD_TYPE = "StaffUser";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    static final int MIN_PASSWORD_LENGTH = 8;

    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final History history;
    private final Clock clock;

    IdentityManagement(StaffUserRepository users, PasswordEncoder encoder, History history, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.history = history;
        this.clock = clock;
    }

    public StaffAccount create(String username, String displayName, String password, Set<Role> roles) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw new RuleViolation("user.username.invalid", name);
        }
        if (displayName == null || displayName.isBlank()) {
            throw new RuleViolation("user.displayName.required");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new RuleViolation("user.password.tooShort", MIN_PASSWORD_LENGTH);
        }
        if (users.findByUsernameIgnoreCase(name).isPresent()) {
            throw new RuleViolation("user.username.taken", name);
        }
        StaffUser user = users.save(
                new StaffUser(name, displayName.strip(), encoder.encode(password), roles, Instant.now(clock)));
        history.record(RECORD_TYPE, user.id(), "created", "roles " + user.roles());
        return StaffAccount.of(user);
    }

    public StaffAccount changeRoles(UUID id, Set<Role> roles, String reason) {
        StaffUser user = load(id);
        Set<Role> before = user.roles();
        user.changeRoles(roles);
        history.recordCorrection(RECORD_TYPE, id, "roles changed", before + " → " + user.roles(), reason);
        return StaffAccount.of(user);
    }

    public StaffAccount disable(UUID id, String reason) {
        StaffUser user = load(id);
        if (user.roles().contains(Role.ADMIN) && enabledAdmins() <= 1 && user.enabled()) {
            throw new RuleViolation("user.lastAdmin");
        }
        user.disable();
        history.recordCorrection(RECORD_TYPE, id, "disabled", null, reason);
        return StaffAccount.of(user);
    }

    public StaffAccount enable(UUID id, String reason) {
        StaffUser user = load(id);
        user.enable();
        history.recordCorrection(RECORD_TYPE, id, "enabled", null, reason);
        return StaffAccount.of(user);
    }

    public StaffAccount resetPassword(UUID id, String password, String reason) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new RuleViolation("user.password.tooShort", MIN_PASSWORD_LENGTH);
        }
        StaffUser user = load(id);
        user.changePassword(encoder.encode(password));
        history.recordCorrection(RECORD_TYPE, id, "password reset", null, reason);
        return StaffAccount.of(user);
    }

    @Transactional(readOnly = true)
    public List<StaffAccount> all() {
        return users.findAllByOrderByUsername().stream().map(StaffAccount::of).toList();
    }

    @Transactional(readOnly = true)
    public Optional<StaffAccount> find(UUID id) {
        return users.findById(id).map(StaffAccount::of);
    }

    @Transactional(readOnly = true)
    public Optional<StaffAccount> findByUsername(String username) {
        return users.findByUsernameIgnoreCase(username).map(StaffAccount::of);
    }

    @Transactional(readOnly = true)
    public boolean anyUserExists() {
        return users.count() > 0;
    }

    private long enabledAdmins() {
        return users.findAll().stream()
                .filter(u -> u.enabled() && u.roles().contains(Role.ADMIN))
                .count();
    }

    private StaffUser load(UUID id) {
        return users.findById(id).orElseThrow(() -> new NotFound("user.notFound", id));
    }
}
