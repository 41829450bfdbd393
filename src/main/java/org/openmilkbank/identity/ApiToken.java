package org.openmilkbank.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;

/** A personal API token. Only its keyed hash is stored; revoked, never deleted. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Version
    private long version;

    protected ApiToken() {}

    ApiToken(UUID userId, String name, String tokenHash, String prefix, Instant now, String createdBy) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdAt = now;
        this.createdBy = createdBy;
    }

    void revoke(Instant now, String by) {
        if (revokedAt != null) {
            throw new RuleViolation("token.alreadyRevoked");
        }
        revokedAt = now;
        revokedBy = by;
    }

    boolean active() {
        return revokedAt == null;
    }

    ApiTokenView view() {
        return new ApiTokenView(id, userId, name, prefix, createdAt, createdBy, lastUsedAt, revokedAt, revokedBy);
    }

    UUID id() {
        return id;
    }

    UUID userId() {
        return userId;
    }
}
