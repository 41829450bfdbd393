package org.openmilkbank.reporting.monthly;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openmilkbank.reporting.indicators.MonthSignedOff;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.Signature;
import org.openmilkbank.shared.Signatures;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manager signs a month's report once the month is over, attesting the numbers as computed at that moment
 * (kept with their digest). A correction is a new sign-off, with a reason, that supersedes the one in force; both
 * are kept.
 */
@Service
@Transactional(readOnly = true)
public class SignOffs {

    public static final String RECORD_TYPE = "MonthlyReport";
    /** How many months the list goes back at least, when no older month was signed. */
    static final int LISTED_MONTHS = 24;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final MonthlyDashboard dashboard;
    private final Signatures signatures;
    private final History history;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SignOffs(
            JdbcClient jdbc,
            MonthlyDashboard dashboard,
            Signatures signatures,
            History history,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.dashboard = dashboard;
        this.signatures = signatures;
        this.history = history;
        this.clock = clock;
    }

    /** What the manager attests by signing the month's numbers as they are now. */
    public List<Said> attestations(MonthView view) {
        ProfileInForce profile = view.profile();
        return List.of(
                Said.of("reporting.signOff.attest.numbers", view.month().toString()),
                Said.of(
                        "reporting.signOff.attest.profile",
                        profile.builtIn() ? Said.code(profile.nameKey()) : profile.storedName()),
                Said.of(
                        "reporting.signOff.attest.digest",
                        SignedNumbers.of(view).digest().substring(0, 16)));
    }

    /**
     * Signs the month's report. Refused (nothing recorded) when the month is not over, when the password is wrong,
     * or when the month is signed already and no reason for the correction is given.
     */
    @Transactional
    public SignOffView sign(YearMonth month, SignOffForm form) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new RuleViolation("reporting.signOff.notOver", month.toString());
        }
        // one sign-off at a time for a month: the second waits and then supersedes the first
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "report_sign_off:" + month)
                .query(Object.class)
                .single();
        SignOffView inForce = inForce(month);
        String reason = form.reason() == null || form.reason().isBlank()
                ? null
                : form.reason().strip();
        if (inForce != null && reason == null) {
            throw new RuleViolation("reporting.signOff.reasonRequired").on("reason");
        }
        MonthView view = dashboard.month(month);
        SignedNumbers numbers = SignedNumbers.of(view);
        Signature signature = signatures.sign(
                form.signaturePassword(),
                RECORD_TYPE,
                month.toString(),
                Said.code(inForce == null ? "reporting.signOff.meaning" : "reporting.signOff.meaning.correction"),
                attestations(view));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into report_sign_off (id, month, signature_id, signed_by, signed_at, profile_code,
                                                     numbers, digest, supersedes, reason)
                        values (:id, :month, :signature, :by, :at, :profile, cast(:numbers as jsonb), :digest,
                                :supersedes, :reason)
                        """)
                .param("id", id)
                .param("month", month.toString())
                .param("signature", signature.id())
                .param("by", signature.username())
                .param("at", Timestamp.from(signature.signedAt()))
                .param("profile", numbers.profileCode())
                .param("numbers", JSON.writeValueAsString(numbers))
                .param("digest", numbers.digest())
                .param("supersedes", inForce == null ? null : inForce.id())
                .param("reason", inForce == null ? null : reason)
                .update();
        if (inForce == null) {
            history.record(RECORD_TYPE, month, Said.of("reporting.history.signedOff", month.toString()));
        } else {
            history.recordCorrection(
                    RECORD_TYPE,
                    month,
                    Said.of("reporting.history.signOffCorrected", month.toString(), inForce.signedBy()),
                    reason);
        }
        events.publishEvent(new MonthSignedOff(month, inForce != null));
        return of(month).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** Every sign-off of the month, oldest first. */
    public List<SignOffView> of(YearMonth month) {
        return jdbc.sql("""
                        select s.*, later.id as superseded_by from report_sign_off s
                        left join report_sign_off later on later.supersedes = s.id
                        where s.month = :month order by s.signed_at, s.id
                        """)
                .param("month", month.toString())
                .query(SignOffs::view)
                .list();
    }

    /** The sign-off in force for the month, or {@code null} when it is not signed. */
    public SignOffView inForce(YearMonth month) {
        return of(month).stream().filter(SignOffView::inForce).findFirst().orElse(null);
    }

    /** Whether the month's numbers, computed now, are still those of the sign-off. */
    public boolean stillAsSigned(SignOffView signOff, MonthView now) {
        return signOff.digest().equals(SignedNumbers.of(now).digest());
    }

    public List<org.openmilkbank.shared.History.HistoryEntry> history(YearMonth month) {
        return history.of(RECORD_TYPE, month);
    }

    public List<Signature> signatures(YearMonth month) {
        return signatures.of(RECORD_TYPE, month.toString());
    }

    /** A month of the list: its sign-off in force (or none) and how many sign-offs it has. */
    public record MonthState(YearMonth month, boolean over, SignOffView inForce, int signOffs) {}

    /** The months, newest first (this month, then the months before), with their sign-off state. */
    public Paged<MonthState> months(PageRequest page) {
        YearMonth now = YearMonth.now(clock);
        YearMonth oldest = jdbc.sql("select min(month) from report_sign_off")
                .query(String.class)
                .optional()
                .map(YearMonth::parse)
                .filter(m -> m.isBefore(now.minusMonths(LISTED_MONTHS - 1)))
                .orElse(now.minusMonths(LISTED_MONTHS - 1));
        long total = oldest.until(now, java.time.temporal.ChronoUnit.MONTHS) + 1;
        List<YearMonth> shown = new ArrayList<>();
        for (long i = page.offset(); i < Math.min(total, page.offset() + page.size()); i++) {
            shown.add(now.minusMonths(i));
        }
        Map<String, List<SignOffView>> signed = shown.isEmpty()
                ? Map.of()
                : jdbc
                        .sql("""
                                select s.*, later.id as superseded_by from report_sign_off s
                                left join report_sign_off later on later.supersedes = s.id
                                where s.month in (:months) order by s.signed_at, s.id
                                """)
                        .param("months", shown.stream().map(YearMonth::toString).toList())
                        .query(SignOffs::view)
                        .list()
                        .stream()
                        .collect(Collectors.groupingBy(s -> s.month().toString()));
        List<MonthState> items = shown.stream()
                .map(m -> {
                    List<SignOffView> of = signed.getOrDefault(m.toString(), List.of());
                    return new MonthState(
                            m,
                            m.isBefore(now),
                            of.stream().filter(SignOffView::inForce).findFirst().orElse(null),
                            of.size());
                })
                .toList();
        return new Paged<>(items, page, total);
    }

    private static SignOffView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SignOffView(
                rs.getObject("id", UUID.class),
                YearMonth.parse(rs.getString("month")),
                rs.getObject("signature_id", UUID.class),
                rs.getString("signed_by"),
                rs.getTimestamp("signed_at").toInstant(),
                rs.getString("profile_code"),
                rs.getString("digest"),
                rs.getObject("supersedes", UUID.class),
                rs.getString("reason"),
                rs.getObject("superseded_by", UUID.class));
    }
}
