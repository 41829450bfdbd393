package org.openmilkbank.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hub's register of banks: a bank is registered with its facility code, country, region and size, and enrolled
 * with its public key, either by a one-time code it uses itself (the key exchange: the hub keeps the bank's key and
 * answers its own) or by the coordinator pasting the bank's key. Every key a bank was enrolled with is kept.
 */
@Service
public class NetworkHub {

    static final String RECORD = "NetworkBank";

    private final JdbcClient jdbc;
    private final History history;
    private final Clock clock;
    private final BankKey hubKey;
    private final Duration codeValidity;

    NetworkHub(
            JdbcClient jdbc,
            History history,
            Clock clock,
            BankKey hubKey,
            @Value("${openmilkbank.network.enrolment-code-validity:P14D}") Duration codeValidity) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
        this.hubKey = hubKey;
        this.codeValidity = codeValidity;
    }

    /** A one-time enrolment code as issued: shown once, only its hash is kept. */
    public record IssuedCode(String facilityCode, String code, Instant expiresAt) {}

    /**
     * A bank as the hub knows it.
     *
     * @param enrolledAt when its current key was enrolled, {@code null} while it waits for enrolment
     * @param keyFingerprint its current key's fingerprint, {@code null} while it waits
     * @param lastBatchReceivedAt when its last batch came, {@code null} before the first
     */
    public record BankView(
            UUID id,
            String facilityCode,
            String displayName,
            String country,
            String region,
            Integer sizeLitresPerMonth,
            Instant registeredAt,
            Instant enrolledAt,
            String keyFingerprint,
            boolean named,
            boolean sharesEvents,
            Instant lastBatchReceivedAt,
            long batches) {

        public boolean enrolled() {
            return enrolledAt != null;
        }
    }

    /** One batch the hub accepted from a bank: its number, kind, when the bank wrote it and when it came. */
    public record BatchView(long sequence, String kind, Instant createdAt, Instant receivedAt) {}

    /** One batch the hub refused, with its coded reason. */
    public record RefusalView(Long sequence, String code, List<Said> reason, Instant refusedAt) {}

    /** One enrolment code issued for a bank (never the code itself). */
    public record CodeView(Instant issuedAt, String issuedBy, Instant expiresAt, Instant usedAt) {}

    /** One key the bank was enrolled with. */
    public record KeyView(String fingerprint, Instant enrolledAt, String enrolledBy) {}

    /**
     * Enrols a bank with its key pasted by the coordinator; refused when the facility code is taken
     * ({@code network.bank.taken}) or the key is no Ed25519 public key ({@code network.bank.key.invalid}).
     */
    @Transactional
    public UUID register(String facilityCode, String country, String region, Integer sizeLitresPerMonth, String key) {
        BatchSignatures.publicKey(key);
        UUID id = insert(new NewNetworkBank(facilityCode, country, region, sizeLitresPerMonth, null));
        enrolKey(id, facilityCode, key.strip());
        return id;
    }

    /**
     * Registers a bank waiting for enrolment and issues its one-time code; refused when the facility code is taken
     * ({@code network.bank.taken}).
     */
    @Transactional
    public IssuedCode registerForEnrolment(NewNetworkBank bank) {
        UUID id = insert(bank);
        return issue(
                id,
                bank.facilityCode().strip(),
                EnrolmentCodes.newCode(),
                clock.instant().plus(codeValidity));
    }

    /** The same with a code chosen in advance: for the demo hub only, whose codes are printed at start. */
    @Transactional
    public IssuedCode registerForDemo(NewNetworkBank bank, String code) {
        UUID id = insert(bank);
        return issue(id, bank.facilityCode().strip(), code, clock.instant().plus(codeValidity));
    }

    /**
     * A new one-time code for a registered bank: to enrol after a code expired, or to enrol a new key (the old key
     * stays until the bank uses the code). Codes issued before stay valid until used or expired.
     */
    @Transactional
    public IssuedCode issueCode(String facilityCode) {
        return issueCode(facilityCode, clock.instant().plus(codeValidity));
    }

    /**
     * Enrols the key the coordinator pasted for a registered bank (read to her by the bank's manager): the bank's
     * earlier keys are kept; refused when it is no Ed25519 public key.
     */
    @Transactional
    public BankView enrolPastedKey(String facilityCode, String key) {
        BatchSignatures.publicKey(key);
        BankView bank = bank(facilityCode);
        enrolKey(bank.id(), bank.facilityCode(), key.strip());
        return bank(facilityCode);
    }

    @Transactional
    IssuedCode issueCode(String facilityCode, Instant expiresAt) {
        BankView bank = bank(facilityCode);
        return issue(bank.id(), bank.facilityCode(), EnrolmentCodes.newCode(), expiresAt);
    }

    /**
     * A bank's enrolment with its code: refused unless the code is this bank's ({@code network.enrolment.codeUnknown},
     * {@code network.enrolment.otherBank}), unused ({@code network.enrolment.codeUsed}) and not expired
     * ({@code network.enrolment.codeExpired}); then the bank's key is kept (its earlier keys too), the code is used and
     * the hub's key is answered. The caller has checked that the request is signed by {@code request.publicKey()}.
     */
    @Transactional
    public EnrolmentAnswer enrol(EnrolmentRequest request) {
        BatchSignatures.publicKey(request.publicKey());
        String facility = request.facilityCode().strip();
        Optional<UUID> bankId = jdbc.sql("select id from network_bank where facility_code = ? for update")
                .param(facility)
                .query(UUID.class)
                .optional();
        record Code(UUID id, String facilityCode, Instant expiresAt, Timestamp usedAt) {}
        Optional<Code> code = jdbc.sql("""
                        select id, facility_code, expires_at, used_at from network_enrolment_code
                        where code_sha256 = ? for update
                        """)
                .param(EnrolmentCodes.hash(request.code()))
                .query((rs, n) -> new Code(
                        rs.getObject("id", UUID.class),
                        rs.getString("facility_code"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at")))
                .optional();
        if (code.isEmpty() || bankId.isEmpty()) {
            throw new RuleViolation("network.enrolment.codeUnknown").on("code");
        }
        if (!code.get().facilityCode().equals(facility)) {
            throw new RuleViolation("network.enrolment.otherBank", facility).on("code");
        }
        if (code.get().usedAt() != null) {
            throw new RuleViolation("network.enrolment.codeUsed").on("code");
        }
        if (!clock.instant().isBefore(code.get().expiresAt())) {
            throw new RuleViolation("network.enrolment.codeExpired").on("code");
        }
        jdbc.sql("update network_enrolment_code set used_at = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(clock.instant()), code.get().id())
                .update();
        enrolKey(bankId.get(), facility, request.publicKey().strip());
        return new EnrolmentAnswer(facility, hubKey.publicKeyText());
    }

    private UUID insert(NewNetworkBank bank) {
        String facility = bank.facilityCode().strip();
        if (isRegistered(facility)) {
            throw new RuleViolation("network.bank.taken", facility).on("facilityCode");
        }
        UUID id = UUID.randomUUID();
        String country = bank.country().strip().toUpperCase(Locale.ROOT);
        jdbc.sql("""
                        insert into network_bank (id, facility_code, country, region, size_litres_per_month,
                            display_name, registered_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        facility,
                        country,
                        blankToNull(bank.region()),
                        bank.sizeLitresPerMonth(),
                        blankToNull(bank.displayName()),
                        Timestamp.from(clock.instant()))
                .update();
        history.record(RECORD, id, Said.of("network.history.registered", facility, country));
        return id;
    }

    private IssuedCode issue(UUID bankId, String facility, String code, Instant expiresAt) {
        jdbc.sql("""
                        insert into network_enrolment_code (id, facility_code, code_sha256, issued_at, issued_by,
                            expires_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        UUID.randomUUID(),
                        facility,
                        EnrolmentCodes.hash(code),
                        Timestamp.from(clock.instant()),
                        CurrentActor.username(),
                        Timestamp.from(expiresAt))
                .update();
        history.record(RECORD, bankId, Said.of("network.history.codeIssued", expiresAt.toString()));
        return new IssuedCode(facility, code, expiresAt);
    }

    private void enrolKey(UUID bankId, String facility, String key) {
        Instant now = clock.instant();
        jdbc.sql("update network_bank set public_key = ?, enrolled_at = ?, version = version + 1 where id = ?")
                .params(key, Timestamp.from(now), bankId)
                .update();
        jdbc.sql("""
                        insert into network_bank_key (id, facility_code, public_key, enrolled_at, enrolled_by)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(UUID.randomUUID(), facility, key, Timestamp.from(now), CurrentActor.username())
                .update();
        history.record(RECORD, bankId, Said.of("network.history.enrolled", facility, KeyFingerprints.of(key)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public boolean isRegistered(String facilityCode) {
        return jdbc.sql("select exists (select 1 from network_bank where facility_code = ?)")
                .param(facilityCode)
                .query(Boolean.class)
                .single();
    }

    private static final String BANKS = """
            select b.id, b.facility_code, b.display_name, b.country, b.region, b.size_litres_per_month,
                b.registered_at, b.enrolled_at, b.public_key, b.named, b.shares_events,
                (select max(received_at) from network_batch n where n.facility_code = b.facility_code) as last_batch,
                (select count(*) from network_batch n where n.facility_code = b.facility_code) as batches
            from network_bank b
            """;

    /** Every registered bank, by country then facility code. */
    @Transactional(readOnly = true)
    public List<BankView> banks() {
        return jdbc.sql(BANKS + " order by b.country, b.facility_code")
                .query((rs, n) -> bankView(rs))
                .list();
    }

    /** One bank; {@code network.bank.notFound} when none has this code. */
    @Transactional(readOnly = true)
    public BankView bank(String facilityCode) {
        return jdbc.sql(BANKS + " where b.facility_code = ?")
                .param(facilityCode)
                .query((rs, n) -> bankView(rs))
                .optional()
                .orElseThrow(() -> new NotFound("network.bank.notFound", facilityCode));
    }

    private static BankView bankView(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp enrolled = rs.getTimestamp("enrolled_at");
        Timestamp last = rs.getTimestamp("last_batch");
        String key = rs.getString("public_key");
        Object size = rs.getObject("size_litres_per_month");
        return new BankView(
                rs.getObject("id", UUID.class),
                rs.getString("facility_code"),
                rs.getString("display_name"),
                rs.getString("country"),
                rs.getString("region"),
                size == null ? null : ((Number) size).intValue(),
                rs.getTimestamp("registered_at").toInstant(),
                enrolled == null || key == null ? null : enrolled.toInstant(),
                key == null ? null : KeyFingerprints.of(key),
                rs.getBoolean("named"),
                rs.getBoolean("shares_events"),
                last == null ? null : last.toInstant(),
                rs.getLong("batches"));
    }

    /** A bank's accepted batches, newest first. */
    @Transactional(readOnly = true)
    public Paged<BatchView> batches(String facilityCode, PageRequest page) {
        long total = jdbc.sql("select count(*) from network_batch where facility_code = ?")
                .param(facilityCode)
                .query(Long.class)
                .single();
        List<BatchView> items = jdbc.sql("""
                        select sequence, coalesce(payload ->> 'kind', '') as kind, created_at, received_at
                        from network_batch where facility_code = ? order by sequence desc limit ? offset ?
                        """)
                .params(facilityCode, page.size(), page.offset())
                .query((rs, n) -> new BatchView(
                        rs.getLong("sequence"),
                        rs.getString("kind"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
        return new Paged<>(items, page, total);
    }

    /** A bank's refused batches, newest first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<RefusalView> refusals(String facilityCode, int limit) {
        return jdbc.sql("""
                        select sequence, code, reason::text as reason, refused_at from network_refusal
                        where facility_code = ? order by refused_at desc, id limit ?
                        """)
                .params(facilityCode, limit)
                .query((rs, n) -> new RefusalView(
                        rs.getObject("sequence") == null ? null : rs.getLong("sequence"),
                        rs.getString("code"),
                        Said.listFromJson(rs.getString("reason")),
                        rs.getTimestamp("refused_at").toInstant()))
                .list();
    }

    /** The codes issued for a bank, newest first. */
    @Transactional(readOnly = true)
    public List<CodeView> codes(String facilityCode) {
        return jdbc.sql("""
                        select issued_at, issued_by, expires_at, used_at from network_enrolment_code
                        where facility_code = ? order by issued_at desc, id
                        """)
                .param(facilityCode)
                .query((rs, n) -> {
                    Timestamp used = rs.getTimestamp("used_at");
                    return new CodeView(
                            rs.getTimestamp("issued_at").toInstant(),
                            rs.getString("issued_by"),
                            rs.getTimestamp("expires_at").toInstant(),
                            used == null ? null : used.toInstant());
                })
                .list();
    }

    /** The keys a bank was enrolled with, newest first. */
    @Transactional(readOnly = true)
    public List<KeyView> keys(String facilityCode) {
        return jdbc.sql("""
                        select public_key, enrolled_at, enrolled_by from network_bank_key
                        where facility_code = ? order by enrolled_at desc, id
                        """)
                .param(facilityCode)
                .query((rs, n) -> new KeyView(
                        KeyFingerprints.of(rs.getString("public_key")),
                        rs.getTimestamp("enrolled_at").toInstant(),
                        rs.getString("enrolled_by")))
                .list();
    }

    /** The hub's own key's fingerprint, for the coordinator to read out to a bank. */
    public String hubKeyFingerprint() {
        return hubKey.fingerprint();
    }
}
