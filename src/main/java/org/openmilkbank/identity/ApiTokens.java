package org.openmilkbank.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: a staff member creates and revokes her own, an ADMIN anyone's. A token acts with its
 * owner's roles of the moment and stops working when she is disabled.
 */
@Service
@Transactional
public class ApiTokens {

    private static final int MAX_NAME = 80;

    private final ApiTokenRepository tokens;
    private final StaffUserRepository users;
    private final TokenHasher hasher;
    private final History history;
    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(
            ApiTokenRepository tokens,
            StaffUserRepository users,
            TokenHasher hasher,
            History history,
            JdbcClient jdbc,
            Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.hasher = hasher;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public IssuedToken create(UUID userId, String name) {
        StaffUser owner = mayManage(userId);
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            throw new RuleViolation("token.name.invalid", MAX_NAME).on("name");
        }
        String token = hasher.newToken();
        ApiToken saved = tokens.save(new ApiToken(
                owner.id(),
                label,
                hasher.hash(token),
                token.substring(0, TokenHasher.PREFIX.length() + 6),
                Instant.now(clock),
                CurrentActor.username()));
        history.record(IdentityManagement.RECORD_TYPE, owner.id(), Said.of("identity.history.tokenCreated", label));
        return new IssuedToken(saved.view(), token);
    }

    public ApiTokenView revoke(UUID tokenId) {
        ApiToken token = tokens.findById(tokenId).orElseThrow(() -> new NotFound("token.notFound", tokenId));
        mayManage(token.userId());
        token.revoke(Instant.now(clock), CurrentActor.username());
        history.record(
                IdentityManagement.RECORD_TYPE,
                token.userId(),
                Said.of("identity.history.tokenRevoked", token.view().name()));
        return token.view();
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> of(UUID userId) {
        mayManage(userId);
        return tokens.findByUserIdOrderByCreatedAtDesc(userId).stream()
                .map(ApiToken::view)
                .toList();
    }

    /** The enabled owner of an active token, for the API's bearer authentication. */
    Optional<StaffPrincipal> authenticate(String token) {
        if (token == null || !token.startsWith(TokenHasher.PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hasher.hash(token))
                .filter(ApiToken::active)
                .flatMap(t -> users.findById(t.userId())
                        .filter(StaffUser::enabled)
                        .map(u -> {
                            touch(t.id());
                            return new StaffPrincipal(u);
                        }));
    }

    // one write a minute at most, outside the entity's version, so parallel calls never conflict
    private void touch(UUID tokenId) {
        Instant now = Instant.now(clock);
        jdbc.sql("update api_token set last_used_at = :now"
                        + " where id = :id and (last_used_at is null or last_used_at < :cutoff)")
                .param("now", java.sql.Timestamp.from(now))
                .param("id", tokenId)
                .param("cutoff", java.sql.Timestamp.from(now.minus(Duration.ofMinutes(1))))
                .update();
    }

    private StaffUser mayManage(UUID userId) {
        StaffUser owner = users.findById(userId).orElseThrow(() -> new NotFound("user.notFound", userId));
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = auth != null
                && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        boolean self = auth != null && owner.username().equalsIgnoreCase(auth.getName());
        if (!admin && !self) {
            throw new AccessDeniedException("Not your token");
        }
        return owner;
    }
}
