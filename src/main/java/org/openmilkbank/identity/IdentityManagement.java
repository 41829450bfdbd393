package org.openmilkbank.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: create, change roles, disable and enable again, passwords and sign-in locks. Disabling, new
 * roles and a new password end the account's open sessions.
 */
@Service
@Transactional
public class IdentityManagement {

    static final String RECORD_TYPE = "StaffUser";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    private final StaffUserRepository users;
    /** BCrypt at its lowest cost, written as the delegating encoder writes it, so that sign-in reads it as usual. */
    static final PasswordEncoder PUBLISHED_PASSWORDS = new PasswordEncoder() {
        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

        @Override
        public String encode(CharSequence raw) {
            return "{bcrypt}" + bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return encoded != null && encoded.startsWith("{bcrypt}") && bcrypt.matches(raw, encoded.substring(8));
        }
    };

    private final PasswordEncoder encoder;
    private final History history;
    private final Clock clock;
    private final SignInThrottle throttle;
    private final PasswordPolicy policy = PasswordPolicy.standard();

    IdentityManagement(
            StaffUserRepository users, PasswordEncoder encoder, History history, Clock clock, SignInThrottle throttle) {
        this.users = users;
        this.encoder = encoder;
        this.history = history;
        this.clock = clock;
        this.throttle = throttle;
    }

    public StaffAccount create(String username, String displayName, String password, Set<Role> roles) {
        return StaffAccount.of(newUser(username, displayName, password, roles, false, encoder));
    }

    /**
     * An account whose password is published, as the demo bank's staff are (their password is printed when the bank
     * starts). It is hashed at BCrypt's lowest cost: a slow hash protects nothing once the password is public, and the
     * demo's many second-person signatures would each spend a tenth of a second on it while the bank is built. Every
     * other account is hashed at the encoder's full cost.
     */
    public StaffAccount createWithPublishedPassword(
            String username, String displayName, String password, Set<Role> roles) {
        return StaffAccount.of(newUser(username, displayName, password, roles, false, PUBLISHED_PASSWORDS));
    }

    /** The first start's ADMIN; a generated password must be changed at her first sign-in. */
    StaffAccount createFirstAdmin(String password, boolean mustChangePassword) {
        return StaffAccount.of(
                newUser("admin", "Administrator", password, Set.of(Role.ADMIN), mustChangePassword, encoder));
    }

    private StaffUser newUser(
            String username,
            String displayName,
            String password,
            Set<Role> roles,
            boolean mustChangePassword,
            PasswordEncoder hashing) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw new RuleViolation("user.username.invalid", name).on("username");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new RuleViolation("user.displayName.required").on("displayName");
        }
        policy.check(name, password);
        if (users.findByUsernameIgnoreCase(name).isPresent()) {
            throw new RuleViolation("user.username.taken", name).on("username");
        }
        StaffUser user = new StaffUser(name, displayName.strip(), hashing.encode(password), roles, Instant.now(clock));
        if (mustChangePassword) {
            user.resetPassword(user.passwordHash(), true);
        }
        users.save(user);
        history.record(RECORD_TYPE, user.id(), Said.of("identity.history.created", roleWords(user.roles())));
        return user;
    }

    public StaffAccount changeRoles(UUID id, Set<Role> roles, String reason) {
        StaffUser user = load(id);
        Set<Role> before = user.roles();
        boolean losesAdmin = before.contains(Role.ADMIN) && (roles == null || !roles.contains(Role.ADMIN));
        if (losesAdmin && user.enabled() && enabledAdmins() <= 1) {
            throw new RuleViolation("user.lastAdmin");
        }
        user.changeRoles(roles);
        history.recordCorrection(
                RECORD_TYPE,
                id,
                Said.of("identity.history.rolesChanged", roleWords(before), roleWords(user.roles())),
                reason);
        return StaffAccount.of(user);
    }

    public StaffAccount disable(UUID id, String reason) {
        StaffUser user = load(id);
        if (user.roles().contains(Role.ADMIN) && enabledAdmins() <= 1 && user.enabled()) {
            throw new RuleViolation("user.lastAdmin");
        }
        user.disable();
        history.recordCorrection(RECORD_TYPE, id, Said.of("identity.history.disabled"), reason);
        return StaffAccount.of(user);
    }

    public StaffAccount enable(UUID id, String reason) {
        StaffUser user = load(id);
        user.enable();
        history.recordCorrection(RECORD_TYPE, id, Said.of("identity.history.enabled"), reason);
        return StaffAccount.of(user);
    }

    /** An ADMIN sets a new password; its owner must choose her own at her next sign-in. */
    public StaffAccount resetPassword(UUID id, String password, String reason) {
        StaffUser user = load(id);
        policy.check(user.username(), password);
        user.resetPassword(encoder.encode(password), true);
        history.recordCorrection(RECORD_TYPE, id, Said.of("identity.history.passwordReset"), reason);
        return StaffAccount.of(user);
    }

    /** The signed-in staff member changes her own password; her sessions end and she signs in again. */
    public StaffAccount changeOwnPassword(String currentPassword, String newPassword) {
        StaffUser user = users.findByUsernameIgnoreCase(CurrentActor.username())
                .orElseThrow(() -> new NotFound("user.notFound", CurrentActor.username()));
        if (currentPassword == null
                || !PasswordPolicy.fitsBcrypt(currentPassword)
                || !encoder.matches(currentPassword, user.passwordHash())) {
            throw new RuleViolation("user.password.currentWrong").on("currentPassword");
        }
        policy.check(user.username(), newPassword);
        if (encoder.matches(newPassword, user.passwordHash())) {
            throw new RuleViolation("user.password.unchanged").on("newPassword");
        }
        user.changeOwnPassword(encoder.encode(newPassword));
        history.record(RECORD_TYPE, user.id(), Said.of("identity.history.passwordChanged"));
        return StaffAccount.of(user);
    }

    /** Accounts locked now after too many failed sign-ins. */
    @Transactional(readOnly = true)
    public List<SignInLock> signInLocks() {
        return throttle.lockedAccounts();
    }

    public StaffAccount unlock(UUID id, String reason) {
        StaffUser user = load(id);
        throttle.unlock(user.username());
        history.recordCorrection(RECORD_TYPE, id, Said.of("identity.history.unlocked"), reason);
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

    /** Whether any account, enabled or not, holds the ADMIN role (the demo's staff hold none). */
    @Transactional(readOnly = true)
    public boolean anyAdminExists() {
        return users.findAll().stream().anyMatch(u -> u.roles().contains(Role.ADMIN));
    }

    private long enabledAdmins() {
        return users.findAll().stream()
                .filter(u -> u.enabled() && u.roles().contains(Role.ADMIN))
                .count();
    }

    private StaffUser load(UUID id) {
        return users.findById(id).orElseThrow(() -> new NotFound("user.notFound", id));
    }

    /** Roles as translated words, in the matrix's order. */
    private static List<Said> roleWords(java.util.Collection<Role> roles) {
        return roles.stream().sorted().map(Said::label).toList();
    }
}
