package org.openmilkbank.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only history of every record: who did what, when, and why for corrections and voids. What happened
 * is stored as data (a message key and its arguments, a reason code) and rendered in the reader's language when
 * read. Written in the caller's transaction, so a refused change leaves no history either.
 */
@Component
public class History {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageSource messages;
    private final org.openmilkbank.shared.web.Formats fmt;

    History(JdbcClient jdbc, Clock clock, MessageSource messages, org.openmilkbank.shared.web.Formats fmt) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
        this.fmt = fmt;
    }

    /**
     * Records what happened as data: {@code what.key()} names the action ({@code <key>} is its short label and
     * {@code <key>.detail} its detail line in the bundles).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String recordType, Object recordId, Said what) {
        write(recordType, recordId, what, null, null);
    }

    /** A correction or void: the reason, the person's own words, is required. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordCorrection(String recordType, Object recordId, Said what, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required");
        }
        write(recordType, recordId, what, null, reason.strip());
    }

    /** A change decided by a coded reason (rendered as {@code reason.<code>}), with the person's words if any. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordCoded(String recordType, Object recordId, Said what, String reasonCode, String words) {
        if (reasonCode == null || reasonCode.isBlank()) {
            throw new IllegalArgumentException("a reason code is required");
        }
        write(recordType, recordId, what, reasonCode, words == null || words.isBlank() ? null : words.strip());
    }

    private void write(String recordType, Object recordId, Said what, String reasonCode, String reason) {
        jdbc.sql("""
                        insert into history_entry (id, record_type, record_id, action, args, reason, reason_code,
                                                   actor, at)
                        values (:id, :type, :recordId, :action, cast(:args as jsonb), :reason, :code, :actor, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("type", recordType)
                .param("recordId", String.valueOf(recordId))
                .param("action", what.key())
                .param("args", JSON.writeValueAsString(Said.encode(what.args())))
                .param("reason", reason)
                .param("code", reasonCode)
                .param("actor", CurrentActor.username())
                .param("at", java.sql.Timestamp.from(Instant.now(clock)))
                .update();
    }

    /** A record's history, oldest first, in the reader's language. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> of(String recordType, Object recordId) {
        Locale locale = LocaleContextHolder.getLocale();
        return jdbc.sql("""
                        select action, detail, args, reason, reason_code, actor, at from history_entry
                        where record_type = :type and record_id = :recordId order by at, id
                        """)
                .param("type", recordType)
                .param("recordId", String.valueOf(recordId))
                .query((rs, n) -> {
                    String action = rs.getString("action");
                    String detail = rs.getString("detail");
                    String args = rs.getString("args");
                    if (args != null) {
                        Said said = new Said(action, Said.decode(JSON.readValue(args, List.class)));
                        Object[] resolved = said.args().stream()
                                .map(v -> resolve(v, locale))
                                .toArray();
                        detail = messages.getMessage(action + ".detail", resolved, "", locale);
                        action = messages.getMessage(action, resolved, action, locale);
                    }
                    String reason = rs.getString("reason");
                    String code = rs.getString("reason_code");
                    if (code != null) {
                        String coded = messages.getMessage("reason." + code, null, code, locale);
                        reason = reason == null ? coded : coded + ": " + reason;
                    }
                    return new HistoryEntry(
                            action,
                            detail,
                            reason,
                            rs.getString("actor"),
                            rs.getTimestamp("at").toInstant());
                })
                .list();
    }

    /** A translated word in the reader's language, a date in her pattern; a list as its items joined by "; ". */
    private Object resolve(Object arg, Locale locale) {
        return fmt.argument(arg, locale);
    }

    public record HistoryEntry(String action, String detail, String reason, String actor, Instant at) {}
}
