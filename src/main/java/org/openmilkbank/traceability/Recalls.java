package org.openmilkbank.traceability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.traceability.RecallCase.MarkKind;
import org.openmilkbank.traceability.RecallCase.TaskKind;
import org.openmilkbank.traceability.RecallCase.TaskStatus;
import org.openmilkbank.traceability.RecallPreview.Whereabouts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-step recall: a preview of everything a source reaches (nothing written), then, confirmed with a reason, in
 * one transaction the case, the affected units frozen as they were, a RECALL hold on everything not yet fed and
 * the tasks (retrieve from wards, discard in the bank, tell each infant's clinician). A case closes when every
 * task is done or waived with a reason; each hold then ends as the manager decided, and the report is written.
 */
@Service
@Transactional(readOnly = true)
public class Recalls {

    static final String HISTORY_TYPE = "recall";
    private static final int MAX_WORDS = 2000;
    private static final Set<HoldOutcome> CLOSING_OUTCOMES = Set.of(HoldOutcome.DISCARDED, HoldOutcome.RELEASED);

    private final JdbcClient jdbc;
    private final RecallScope scope;
    private final Holds holds;
    private final History history;
    private final RecallReport report;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Recalls(
            JdbcClient jdbc,
            RecallScope scope,
            Holds holds,
            History history,
            RecallReport report,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.holds = holds;
        this.history = history;
        this.report = report;
        this.events = events;
        this.clock = clock;
    }

    /** Step 1: every unit and infant the source reaches; nothing is written. */
    public RecallPreview preview(RecallSource source) {
        return scope.preview(source);
    }

    /** Step 2: opens the case and holds everything unfed, in one transaction; returns the recall's code. */
    @Transactional
    public RecallCase open(RecallSource source, String reason) {
        String why = words(reason, "recall.reason.required", "reason");
        RecallScope.Resolved resolved = scope.resolve(source);
        return open(source, resolved, why, HoldKind.RECALL, "recall", List.of());
    }

    /**
     * Another bank of the network recalled milk it sent here: a case of kind NETWORK from that bank ({@code
     * sourceFacility}) naming its recall ({@code sourceRecallCode}), a NETWORK_RECALL hold on each of the units (the
     * bottles as they arrived, and everything made from them) not yet fed, and the tasks and infants as for any
     * recall, in the caller's transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public RecallCase openFromAnotherBank(String sourceFacility, String sourceRecallCode, List<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            throw new RuleViolation("recall.source.noMilk", sourceFacility);
        }
        String label = sourceFacility + " · " + sourceRecallCode;
        RecallScope.Resolved resolved = new RecallScope.Resolved(List.copyOf(unitIds), label, null);
        return open(
                new RecallSource(RecallSource.Kind.NETWORK, sourceFacility, null, null, null),
                resolved,
                label,
                HoldKind.NETWORK_RECALL,
                "network.recall",
                List.of(sourceFacility, sourceRecallCode));
    }

    private RecallCase open(
            RecallSource source,
            RecallScope.Resolved resolved,
            String why,
            HoldKind holdKind,
            String holdReason,
            List<Object> holdArgs) {
        List<RecallPreview.Unit> units = scope.affected(resolved.roots());
        List<RecallPreview.Infant> infants =
                scope.infants(units.stream().map(RecallPreview.Unit::id).toList());
        Instant now = Instant.now(clock);
        UUID id = UUID.randomUUID();
        String code = nextCode(LocalDate.ofInstant(now, clock.getZone()).getYear());
        jdbc.sql("""
                        insert into recall_case (id, code, source_kind, source_ref, source_donor_id, window_basis,
                                                 window_from, window_to, reason, status, opened_at, opened_by)
                        values (:id, :code, :kind, :ref, :donor, :basis, :from, :to, :reason, 'OPEN', :at, :by)
                        """)
                .param("id", id)
                .param("code", code)
                .param("kind", source.kind().name())
                .param("ref", resolved.label())
                .param("donor", resolved.donorId())
                .param(
                        "basis",
                        source.kind() == RecallSource.Kind.WINDOW
                                ? source.basis().name()
                                : null)
                .param("from", source.kind() == RecallSource.Kind.WINDOW ? source.from() : null)
                .param("to", source.kind() == RecallSource.Kind.WINDOW ? source.to() : null)
                .param("reason", why)
                .param("at", Timestamp.from(now))
                .param("by", CurrentActor.username())
                .update();
        List<UUID> held = units.stream()
                .filter(RecallPreview.Unit::held)
                .map(RecallPreview.Unit::id)
                .toList();
        List<Object> args = new ArrayList<>(holdArgs);
        args.add(0, code);
        holds.placeOnUnits(holdKind, held, holdReason, args, null, id);
        // her milk of the recalled days that arrives while the case is open is held as well
        if (resolved.donorId() != null
                && source.kind() != RecallSource.Kind.NETWORK
                && (source.kind() == RecallSource.Kind.DONOR || source.basis() == RecallSource.WindowBasis.EXPRESSED)) {
            boolean window = source.kind() == RecallSource.Kind.WINDOW;
            holds.placeOnDonorWindow(
                    HoldKind.RECALL,
                    resolved.donorId(),
                    window ? source.from() : null,
                    window ? source.to() : null,
                    "recall",
                    null,
                    id);
        }
        for (RecallPreview.Unit u : units) {
            jdbc.sql("""
                            insert into recall_unit (recall_id, unit_id, kind, label, state, place, whereabouts, held)
                            values (:recall, :unit, :kind, :label, :state, :place, :where, :held)
                            """)
                    .param("recall", id)
                    .param("unit", u.id())
                    .param("kind", u.kind().name())
                    .param("label", u.label())
                    .param("state", u.state())
                    .param("place", u.place())
                    .param("where", u.whereabouts().name())
                    .param("held", u.held())
                    .update();
        }
        for (RecallPreview.Infant i : infants) {
            jdbc.sql("""
                            insert into recall_infant (recall_id, infant_id, unit_id, infant_code, ward, received_at)
                            values (:recall, :infant, :unit, :code, :ward, :at)
                            """)
                    .param("recall", id)
                    .param("infant", i.infantId())
                    .param("unit", i.unitId())
                    .param("code", i.infantCode())
                    .param("ward", i.ward())
                    .param("at", Timestamp.from(i.at()))
                    .update();
        }
        int number = 0;
        for (RecallPreview.Unit u : units) {
            if (u.whereabouts() == Whereabouts.ON_WARD) {
                insertTask(id, ++number, TaskKind.RETRIEVE, u.id(), null);
            }
        }
        for (RecallPreview.Unit u : units) {
            if (u.whereabouts() == Whereabouts.IN_BANK) {
                insertTask(id, ++number, TaskKind.DISCARD, u.id(), null);
            }
        }
        for (UUID infant : new LinkedHashSet<>(
                infants.stream().map(RecallPreview.Infant::infantId).toList())) {
            insertTask(id, ++number, TaskKind.INFORM_CLINICIAN, null, infant);
        }
        events.publishEvent(new RecallOpened(id, code, held, now));
        history.record(
                HISTORY_TYPE,
                id,
                Said.of("traceability.history.recall.opened", code, resolved.label(), held.size(), number));
        return find(code);
    }

    public List<RecallCase.Summary> list() {
        return jdbc.sql("""
                        select c.code, c.status, c.source_kind, c.source_ref, c.opened_at, c.opened_by, c.closed_at,
                               (select count(*) from recall_unit u where u.recall_id = c.id) as units,
                               (select count(distinct i.infant_id) from recall_infant i where i.recall_id = c.id)
                                   as infants,
                               (select count(*) from recall_task t
                                where t.recall_id = c.id and coalesce((select m.mark from recall_task_mark m
                                       where m.task_id = t.id order by m.at desc, m.id desc limit 1), 'REOPENED')
                                      = 'REOPENED') as open_tasks
                        from recall_case c
                        order by c.opened_at desc, c.code desc
                        """)
                .query((rs, n) -> new RecallCase.Summary(
                        rs.getString("code"),
                        RecallCase.Status.valueOf(rs.getString("status")),
                        RecallSource.Kind.valueOf(rs.getString("source_kind")),
                        rs.getString("source_ref"),
                        rs.getTimestamp("opened_at").toInstant(),
                        rs.getString("opened_by"),
                        instant(rs.getTimestamp("closed_at")),
                        rs.getInt("units"),
                        rs.getInt("infants"),
                        rs.getInt("open_tasks")))
                .list();
    }

    public RecallCase find(String code) {
        CaseRow row = caseRow(code, false);
        List<RecallPreview.Unit> units = jdbc
                .sql("""
                        select unit_id, kind, label, state, place, whereabouts, held from recall_unit
                        where recall_id = :id
                        """)
                .param("id", row.id())
                .query((rs, n) -> new RecallPreview.Unit(
                        rs.getObject("unit_id", UUID.class),
                        MilkUnitKind.valueOf(rs.getString("kind")),
                        rs.getString("label"),
                        rs.getString("state"),
                        rs.getString("place"),
                        Whereabouts.valueOf(rs.getString("whereabouts")),
                        rs.getBoolean("held")))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(RecallPreview.Unit::kind)
                        .thenComparing(RecallPreview.Unit::label))
                .toList();
        Map<UUID, String> names = new LinkedHashMap<>();
        scope.infants(units.stream().map(RecallPreview.Unit::id).toList())
                .forEach(i -> names.put(i.infantId(), i.name()));
        List<RecallPreview.Infant> infants = jdbc.sql("""
                        select ri.infant_id, ri.infant_code, ri.ward, ri.unit_id, ru.label, ri.received_at
                        from recall_infant ri
                        join recall_unit ru on ru.recall_id = ri.recall_id and ru.unit_id = ri.unit_id
                        where ri.recall_id = :id order by ri.received_at, ri.infant_code
                        """)
                .param("id", row.id())
                .query((rs, n) -> new RecallPreview.Infant(
                        rs.getObject("infant_id", UUID.class),
                        rs.getString("infant_code"),
                        names.get(rs.getObject("infant_id", UUID.class)),
                        rs.getString("ward"),
                        rs.getObject("unit_id", UUID.class),
                        rs.getString("label"),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
        return new RecallCase(
                row.id(),
                row.code(),
                row.source(),
                row.sourceLabel(),
                row.reason(),
                row.status(),
                row.openedAt(),
                row.openedBy(),
                row.closedAt(),
                row.closedBy(),
                row.summary(),
                row.hasReport(),
                units,
                infants,
                tasks(row.id(), units, infants),
                holds.ofRecall(row.id()));
    }

    /** Marks a task done (a note is optional), waived (a reason is required) or reopened (an undo, with a reason). */
    @Transactional
    public RecallCase mark(String code, UUID taskId, MarkKind mark, String note) {
        CaseRow row = caseRow(code, true);
        if (row.status() != RecallCase.Status.OPEN) {
            throw new RuleViolation("recall.alreadyClosed", row.code());
        }
        RecallCase current = find(code);
        RecallCase.Task task = current.tasks().stream()
                .filter(t -> t.id().equals(taskId))
                .findFirst()
                .orElseThrow(() -> new NotFound("recall.task.notFound", taskId));
        String words = note == null || note.isBlank() ? null : note.strip();
        if (words != null && words.length() > MAX_WORDS) {
            throw new RuleViolation("recall.words.tooLong", MAX_WORDS);
        }
        switch (mark) {
            case DONE, WAIVED -> {
                if (task.settled()) {
                    throw new RuleViolation("recall.task.alreadySettled", task.number());
                }
                if (mark == MarkKind.WAIVED && words == null) {
                    throw new RuleViolation("recall.task.waive.reasonRequired", task.number()).on("note");
                }
            }
            case REOPENED -> {
                if (!task.settled()) {
                    throw new RuleViolation("recall.task.notSettled", task.number());
                }
                if (words == null) {
                    throw new RuleViolation("recall.task.reopen.reasonRequired", task.number()).on("note");
                }
            }
        }
        jdbc.sql("""
                        insert into recall_task_mark (id, task_id, mark, note, at, by_user)
                        values (:id, :task, :mark, :note, :at, :by)
                        """)
                .param("id", UUID.randomUUID())
                .param("task", taskId)
                .param("mark", mark.name())
                .param("note", words)
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("by", CurrentActor.username())
                .update();
        Said said = Said.of(
                "traceability.history.recall.task." + mark.name().toLowerCase(Locale.ROOT),
                task.number(),
                Said.code(task.kind().said()),
                task.target());
        if (mark == MarkKind.DONE) {
            history.record(HISTORY_TYPE, row.id(), said);
        } else {
            history.recordCorrection(HISTORY_TYPE, row.id(), said, words);
        }
        return find(code);
    }

    /**
     * Closes the case: every task done or waived, a summary, and each recall hold ended as decided per unit
     * ({@code outcomes}, by unit id; DISCARDED unless said otherwise). Milk decided discarded must have left the
     * bank first. Writes the report in the closing manager's language.
     */
    @Transactional
    public RecallCase close(String code, String summary, Map<UUID, HoldOutcome> outcomes, Locale locale) {
        CaseRow row = caseRow(code, true);
        if (row.status() != RecallCase.Status.OPEN) {
            throw new RuleViolation("recall.alreadyClosed", row.code());
        }
        String words = words(summary, "recall.summary.required", "summary");
        RecallCase current = find(code);
        List<String> open = current.tasks().stream()
                .filter(t -> !t.settled())
                .map(t -> "#" + t.number())
                .toList();
        if (!open.isEmpty()) {
            throw new RuleViolation("recall.close.tasksOpen", open.size(), String.join(", ", open));
        }
        Map<UUID, HoldOutcome> decided = outcomes == null ? Map.of() : outcomes;
        Set<UUID> affected = new LinkedHashSet<>(
                current.units().stream().map(RecallPreview.Unit::id).toList());
        // a donor window hold is decided by its own id: it has no unit
        current.holds().stream()
                .filter(h -> h.scope() == HoldScope.DONOR_WINDOW)
                .forEach(h -> affected.add(h.id()));
        for (Map.Entry<UUID, HoldOutcome> e : decided.entrySet()) {
            if (!affected.contains(e.getKey())) {
                throw new RuleViolation("recall.close.unknownUnit", row.code());
            }
            if (!CLOSING_OUTCOMES.contains(e.getValue())) {
                throw new RuleViolation("recall.close.outcome.invalid", e.getValue());
            }
        }
        List<HoldView> active =
                current.holds().stream().filter(HoldView::active).toList();
        Map<UUID, RecallPreview.Unit> now = scope.now(active.stream()
                .map(HoldView::unitId)
                .filter(java.util.Objects::nonNull)
                .toList());
        List<String> stillInBank = new ArrayList<>();
        for (HoldView h : active) {
            if (h.scope() == HoldScope.DONOR_WINDOW) {
                if (decided.getOrDefault(h.id(), HoldOutcome.DISCARDED) == HoldOutcome.DISCARDED) {
                    // milk that arrived while the case was open has only this hold; ending it must not free it
                    scope.affected(scope.containersWithin(h.donorId(), h.windowFrom(), h.windowTo())).stream()
                            .filter(u -> !affected.contains(u.id()))
                            .filter(u -> u.whereabouts() == Whereabouts.IN_BANK)
                            .forEach(u -> stillInBank.add(u.label()));
                }
                continue;
            }
            RecallPreview.Unit unit = now.get(h.unitId());
            if (decided.getOrDefault(h.unitId(), HoldOutcome.DISCARDED) == HoldOutcome.DISCARDED
                    && unit != null
                    && unit.whereabouts() == Whereabouts.IN_BANK) {
                stillInBank.add(unit.label());
            }
        }
        if (!stillInBank.isEmpty()) {
            // ending the hold of milk still in stock would make it usable again
            throw new RuleViolation("recall.close.stillInBank", String.join(", ", stillInBank));
        }
        for (HoldView h : active) {
            UUID decidedBy = h.scope() == HoldScope.DONOR_WINDOW ? h.id() : h.unitId();
            holds.end(h.id(), decided.getOrDefault(decidedBy, HoldOutcome.DISCARDED), words);
        }
        Instant at = Instant.now(clock);
        jdbc.sql("""
                        update recall_case set status = 'CLOSED', closed_at = :at, closed_by = :by,
                               closing_summary = :summary, report_locale = :locale, version = version + 1
                        where id = :id and status = 'OPEN'
                        """)
                .param("at", Timestamp.from(at))
                .param("by", CurrentActor.username())
                .param("summary", words)
                .param("locale", locale.toLanguageTag())
                .param("id", row.id())
                .update();
        byte[] pdf = report.pdf(find(code), locale);
        jdbc.sql("update recall_case set report_pdf = :pdf where id = :id")
                .param("pdf", pdf)
                .param("id", row.id())
                .update();
        history.record(
                HISTORY_TYPE, row.id(), Said.of("traceability.history.recall.closed", row.code(), active.size()));
        return find(code);
    }

    /** The report written when the case closed. */
    public byte[] report(String code) {
        CaseRow row = caseRow(code, false);
        return jdbc.sql("select report_pdf from recall_case where id = :id and report_pdf is not null")
                .param("id", row.id())
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .orElseThrow(() -> new NotFound("recall.report.notYet", row.code()));
    }

    public List<History.HistoryEntry> history(String code) {
        return history.of(HISTORY_TYPE, caseRow(code, false).id());
    }

    private void insertTask(UUID recallId, int number, TaskKind kind, UUID unitId, UUID infantId) {
        jdbc.sql("""
                        insert into recall_task (id, recall_id, number, kind, unit_id, infant_id)
                        values (:id, :recall, :number, :kind, :unit, :infant)
                        """)
                .param("id", UUID.randomUUID())
                .param("recall", recallId)
                .param("number", number)
                .param("kind", kind.name())
                .param("unit", unitId)
                .param("infant", infantId)
                .update();
    }

    private List<RecallCase.Task> tasks(
            UUID recallId, List<RecallPreview.Unit> units, List<RecallPreview.Infant> infants) {
        Map<UUID, List<RecallCase.Mark>> marks = new LinkedHashMap<>();
        jdbc.sql("""
                        select m.task_id, m.mark, m.note, m.at, m.by_user from recall_task_mark m
                        join recall_task t on t.id = m.task_id
                        where t.recall_id = :id order by m.at, m.id
                        """)
                .param("id", recallId)
                .query((rs, n) -> marks.computeIfAbsent(rs.getObject("task_id", UUID.class), k -> new ArrayList<>())
                        .add(new RecallCase.Mark(
                                MarkKind.valueOf(rs.getString("mark")),
                                rs.getString("note"),
                                rs.getTimestamp("at").toInstant(),
                                rs.getString("by_user"))))
                .list();
        Map<UUID, String> labels = new LinkedHashMap<>();
        units.forEach(u -> labels.put(u.id(), u.label()));
        Map<UUID, RecallPreview.Infant> infantById = new LinkedHashMap<>();
        infants.forEach(i -> infantById.putIfAbsent(i.infantId(), i));
        Map<UUID, String> places = new LinkedHashMap<>();
        units.forEach(u -> places.put(u.id(), u.place()));
        return jdbc.sql(
                        "select id, number, kind, unit_id, infant_id from recall_task where recall_id = :id order by number")
                .param("id", recallId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID unit = rs.getObject("unit_id", UUID.class);
                    UUID infant = rs.getObject("infant_id", UUID.class);
                    List<RecallCase.Mark> ms = marks.getOrDefault(id, List.of());
                    RecallPreview.Infant i = infant == null ? null : infantById.get(infant);
                    return new RecallCase.Task(
                            id,
                            rs.getInt("number"),
                            TaskKind.valueOf(rs.getString("kind")),
                            unit,
                            infant,
                            unit != null ? labels.get(unit) : (i == null ? "?" : i.infantCode()),
                            unit != null ? places.get(unit) : (i == null ? null : i.ward()),
                            status(ms),
                            ms);
                })
                .list();
    }

    static TaskStatus status(List<RecallCase.Mark> marks) {
        if (marks.isEmpty()) {
            return TaskStatus.OPEN;
        }
        return switch (marks.get(marks.size() - 1).mark()) {
            case DONE -> TaskStatus.DONE;
            case WAIVED -> TaskStatus.WAIVED;
            case REOPENED -> TaskStatus.OPEN;
        };
    }

    /** A code people can say: {@code RC-<year>-<nnn>}, numbered within the year. */
    private String nextCode(int year) {
        // one number at a time: two recalls opened at once must not take the same code
        jdbc.sql("select pg_advisory_xact_lock(hashtext('recall_case.code'))")
                .query((rs, n) -> Boolean.TRUE)
                .list();
        String prefix = "RC-" + year + "-";
        int next =
                jdbc.sql("""
                        select coalesce(max(cast(substring(code from 9) as int)), 0) + 1 from recall_case
                        where code like :prefix
                        """).param("prefix", prefix + "%").query(Integer.class).single();
        return prefix + String.format(Locale.ROOT, "%03d", next);
    }

    private record CaseRow(
            UUID id,
            String code,
            RecallSource source,
            String sourceLabel,
            String reason,
            RecallCase.Status status,
            Instant openedAt,
            String openedBy,
            Instant closedAt,
            String closedBy,
            String summary,
            boolean hasReport) {}

    private CaseRow caseRow(String code, boolean lock) {
        String key = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return jdbc.sql("""
                        select id, code, source_kind, source_ref, window_basis, window_from, window_to, reason, status,
                               opened_at, opened_by, closed_at, closed_by, closing_summary,
                               report_pdf is not null as has_report
                        from recall_case where code = :code
                        """ + (lock ? " for update" : ""))
                .param("code", key)
                .query(Recalls::caseRow)
                .optional()
                .orElseThrow(() -> new NotFound("recall.notFound", key));
    }

    private static CaseRow caseRow(ResultSet rs, int n) throws SQLException {
        RecallSource.Kind kind = RecallSource.Kind.valueOf(rs.getString("source_kind"));
        String basis = rs.getString("window_basis");
        RecallSource source = new RecallSource(
                kind,
                rs.getString("source_ref"),
                rs.getObject("window_from", LocalDate.class),
                rs.getObject("window_to", LocalDate.class),
                basis == null ? null : RecallSource.WindowBasis.valueOf(basis));
        return new CaseRow(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                source,
                rs.getString("source_ref"),
                rs.getString("reason"),
                RecallCase.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getString("opened_by"),
                instant(rs.getTimestamp("closed_at")),
                rs.getString("closed_by"),
                rs.getString("closing_summary"),
                rs.getBoolean("has_report"));
    }

    private static String words(String text, String requiredKey, String field) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation(requiredKey).on(field);
        }
        String words = text.strip();
        if (words.length() > MAX_WORDS) {
            throw new RuleViolation("recall.words.tooLong", MAX_WORDS).on(field);
        }
        return words;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
