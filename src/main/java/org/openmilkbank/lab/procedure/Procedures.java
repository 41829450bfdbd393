package org.openmilkbank.lab.procedure;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lab's standard operating procedures of a profile: a built-in standard's are its message keys (version 1); a
 * bank's own profile starts from them and its ADMIN edits them, each edit a new version with who, when and why.
 */
@Service
@Transactional(readOnly = true)
public class Procedures {

    public static final String RECORD_TYPE = "LabProcedure";

    private final ProcedureVersionRepository versions;
    private final Standards standards;
    private final History history;
    private final MessageSource messages;
    private final Clock clock;

    Procedures(
            ProcedureVersionRepository versions,
            Standards standards,
            History history,
            MessageSource messages,
            Clock clock) {
        this.versions = versions;
        this.standards = standards;
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    /** The procedure a technician follows now: the active profile's latest version, in her language. */
    public ProcedureView current(Procedure procedure) {
        return of(standards.activeProfile().code(), procedure, null, LocaleContextHolder.getLocale());
    }

    /** The active profile's procedure in the language given (a worksheet for its reader). */
    public ProcedureView current(Procedure procedure, Locale locale) {
        return of(standards.activeProfile().code(), procedure, null, locale);
    }

    /** The version number a sample taken now follows. */
    public int currentVersion(String profileCode, Procedure procedure) {
        return latest(profileCode, procedure).map(ProcedureVersion::number).orElse(1);
    }

    /** A version ({@code null}: the latest) of the profile's procedure in the reader's language. */
    public ProcedureView of(String profileCode, Procedure procedure, Integer version) {
        return of(profileCode, procedure, version, LocaleContextHolder.getLocale());
    }

    /** A version ({@code null}: the latest) of the profile's procedure in the language given. */
    public ProcedureView of(String profileCode, Procedure procedure, Integer version, Locale locale) {
        StandardProfile profile = standards.profile(profileCode);
        int latest = currentVersion(profileCode, procedure);
        int number = version == null ? latest : version;
        if (number < 1 || number > latest) {
            throw new NotFound("lab.procedure.versionNotFound", procedure.code(), number);
        }
        List<ProcedureVersion.Step> steps = number == 1
                ? builtIn(procedure)
                : versions.findByProfileCodeAndProcedureCodeAndNumber(profileCode, procedure.code(), number)
                        .orElseThrow(() -> new NotFound("lab.procedure.versionNotFound", procedure.code(), number))
                        .steps();
        List<ProcedureView.Step> shown = new ArrayList<>();
        for (ProcedureVersion.Step s : steps) {
            shown.add(new ProcedureView.Step(
                    s.position(),
                    s.key() == null ? s.ownText() : render(BuiltInSteps.said(s.key(), profile), locale),
                    s.key() == null));
        }
        return new ProcedureView(
                procedure, procedure.code(), profileCode, number, number == latest, profile.bankOwn(), shown);
    }

    /** The versions after the standard's, newest first. */
    public List<ProcedureVersionView> versions(String profileCode, Procedure procedure) {
        return versions.findByProfileCodeAndProcedureCodeOrderByNumberDesc(profileCode, procedure.code()).stream()
                .map(v -> new ProcedureVersionView(
                        v.number(), v.change(), v.position(), v.reason(), v.createdAt(), v.createdBy()))
                .toList();
    }

    /**
     * Edits a bank's own procedure: one change to one step (add at a position, reword, move up or down, retire),
     * with a reason; the result is a new version, the one before kept. A built-in standard's procedure is refused.
     */
    @Transactional
    public ProcedureView edit(
            String profileCode,
            Procedure procedure,
            ProcedureChange change,
            Integer position,
            String text,
            String reason) {
        StandardProfile profile = standards.profile(profileCode);
        if (!profile.bankOwn()) {
            throw new RuleViolation("lab.procedure.edit.builtIn", profileCode);
        }
        // two ADMINs editing the same procedure at once would both write the same next number
        versions.lockProcedure(profileCode + "/" + procedure.code());
        Optional<ProcedureVersion> before = latest(profileCode, procedure);
        ProcedureVersion next = ProcedureVersion.next(
                profileCode,
                procedure,
                before.map(ProcedureVersion::number).orElse(1),
                before.map(ProcedureVersion::steps).orElseGet(() -> builtIn(procedure)),
                change,
                position,
                text,
                reason,
                CurrentActor.username(),
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        versions.save(next);
        history.recordCorrection(
                RECORD_TYPE,
                recordId(profileCode, procedure),
                Said.of(
                        "lab.procedure.history.edited",
                        Said.label(procedure),
                        next.number(),
                        Said.label(change),
                        next.position()),
                next.reason());
        return of(profileCode, procedure, next.number());
    }

    /** The id a procedure's history is kept under: one per profile and procedure. */
    public static UUID recordId(String profileCode, Procedure procedure) {
        return UUID.nameUUIDFromBytes(("lab-procedure:" + profileCode + ":" + procedure.code())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Optional<ProcedureVersion> latest(String profileCode, Procedure procedure) {
        return versions.findTopByProfileCodeAndProcedureCodeOrderByNumberDesc(profileCode, procedure.code());
    }

    private static List<ProcedureVersion.Step> builtIn(Procedure procedure) {
        List<String> keys = BuiltInSteps.keys(procedure);
        List<ProcedureVersion.Step> steps = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            steps.add(new ProcedureVersion.Step(i + 1, keys.get(i), null));
        }
        return steps;
    }

    /** A step said in the language: coded words translated, lists joined by "; ", numbers as the language writes. */
    String render(Said said, Locale locale) {
        return render(said, locale, messages);
    }

    static String render(Said said, Locale locale, MessageSource messages) {
        Object[] args =
                said.args().stream().map(a -> argument(a, locale, messages)).toArray();
        return messages.getMessage(said.key(), args, locale);
    }

    private static Object argument(Object arg, Locale locale, MessageSource messages) {
        if (arg instanceof Said s) {
            return render(s, locale, messages);
        }
        if (arg instanceof MessageSourceResolvable r) {
            return messages.getMessage(r, locale);
        }
        if (arg instanceof List<?> items) {
            return String.join(
                    "; ",
                    items.stream()
                            .map(i -> String.valueOf(argument(i, locale, messages)))
                            .toList());
        }
        return arg;
    }
}
