package org.openmilkbank.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.Signature;
import org.openmilkbank.shared.Signatures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in person signs with her own password again. A wrong password counts as a failed sign-in, so the
 * signature form cannot be used to guess passwords; while her account is locked she cannot sign.
 */
@Service
class StaffSignatures implements Signatures {

    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final JdbcClient jdbc;
    private final Clock clock;

    StaffSignatures(
            StaffUserRepository users, PasswordEncoder encoder, SignInThrottle throttle, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Signature sign(String password, String recordType, Object recordId, Said meaning, List<Said> attestations) {
        return signAs(
                CurrentActor.username(),
                password,
                null,
                "signaturePassword",
                recordType,
                recordId,
                meaning,
                attestations);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Signature countersign(
            String username,
            String password,
            Role role,
            String recordType,
            Object recordId,
            Said meaning,
            List<Said> attestations) {
        if (username == null || username.isBlank()) {
            throw new RuleViolation("signature.countersign.required").on("countersignUsername");
        }
        if (username.strip().equalsIgnoreCase(CurrentActor.username())) {
            throw new RuleViolation("signature.countersign.self").on("countersignUsername");
        }
        return signAs(
                username.strip(), password, role, "countersignPassword", recordType, recordId, meaning, attestations);
    }

    private Signature signAs(
            String username,
            String password,
            Role role,
            String field,
            String recordType,
            Object recordId,
            Said meaning,
            List<Said> attestations) {
        String address = address();
        if (throttle.lockedUntil(username, address).isPresent()) {
            throw new RuleViolation("signature.locked").on(field);
        }
        StaffUser user = users.findByUsernameIgnoreCase(username)
                .filter(StaffUser::enabled)
                .orElseThrow(() -> new RuleViolation("signature.password.wrong").on(field));
        if (password == null
                || password.isEmpty()
                || !PasswordPolicy.fitsBcrypt(password)
                || !encoder.matches(password, user.passwordHash())) {
            if (password != null && !password.isEmpty()) {
                throttle.failed(username, address);
            }
            throw new RuleViolation("signature.password.wrong").on(field);
        }
        if (role != null && !user.roles().contains(role)) {
            throw new RuleViolation("signature.countersign.role", Said.label(role)).on(field);
        }
        Signature signature = new Signature(
                UUID.randomUUID(),
                user.username(),
                clock.instant(),
                recordType,
                String.valueOf(recordId),
                meaning,
                attestations);
        jdbc.sql("""
                        insert into signature (id, username, signed_at, record_type, record_id, meaning, attestations)
                        values (:id, :username, :at, :type, :recordId, cast(:meaning as jsonb),
                                cast(:attestations as jsonb))
                        """)
                .param("id", signature.id())
                .param("username", signature.username())
                .param("at", Timestamp.from(signature.signedAt()))
                .param("type", recordType)
                .param("recordId", signature.recordId())
                .param("meaning", Said.toJson(List.of(meaning)))
                .param("attestations", Said.toJson(signature.attestations()))
                .update();
        return signature;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Signature> of(String recordType, Object recordId) {
        return jdbc.sql("""
                        select id, username, signed_at, record_type, record_id, meaning::text as meaning,
                               attestations::text as attestations
                          from signature
                         where record_type = :type and record_id = :recordId
                         order by signed_at, id
                        """)
                .param("type", recordType)
                .param("recordId", String.valueOf(recordId))
                .query((rs, n) -> new Signature(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getTimestamp("signed_at").toInstant(),
                        rs.getString("record_type"),
                        rs.getString("record_id"),
                        Said.listFromJson(rs.getString("meaning")).get(0),
                        Said.listFromJson(rs.getString("attestations"))))
                .list();
    }

    private static String address() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr()
                : "local";
    }
}
