package org.openmilkbank.lab.analyser;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lab's milk analysers: defined once, amended with a reason, retired, never deleted. */
@Service
@Transactional
public class AnalyserInstruments {

    public static final String RECORD = "AnalyserInstrument";

    private final InstrumentRepository instruments;
    private final History history;
    private final Clock clock;

    AnalyserInstruments(InstrumentRepository instruments, History history, Clock clock) {
        this.instruments = instruments;
        this.history = history;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<InstrumentView> all() {
        return instruments.findAllByOrderByActiveDescNameAsc().stream()
                .map(Instrument::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<InstrumentView> active() {
        return all().stream().filter(InstrumentView::active).toList();
    }

    @Transactional(readOnly = true)
    public InstrumentView get(UUID id) {
        return find(id).view();
    }

    public InstrumentView define(InstrumentDetails details) {
        Instrument instrument = new Instrument(details, CurrentActor.username(), clock.instant());
        refuseSameName(instrument.id(), instrument.name());
        instruments.saveAndFlush(instrument);
        history.record(RECORD, instrument.id(), Said.of("lab.analyser.history.defined", instrument.name()));
        return instrument.view();
    }

    public InstrumentView amend(UUID id, InstrumentDetails details, String reason) {
        requireReason(reason);
        Instrument instrument = find(id);
        List<Said> changes = instrument.amend(details);
        if (changes.isEmpty()) {
            throw new RuleViolation("lab.analyser.instrument.nothingChanged");
        }
        refuseSameName(id, instrument.name());
        instruments.saveAndFlush(instrument);
        for (Said change : changes) {
            history.recordCorrection(RECORD, id, change, reason.strip());
        }
        return instrument.view();
    }

    public InstrumentView retire(UUID id, String reason) {
        Instrument instrument = find(id);
        instrument.retire(reason);
        instruments.saveAndFlush(instrument);
        history.recordCorrection(
                RECORD, id, Said.of("lab.analyser.history.retired", instrument.name()), reason.strip());
        return instrument.view();
    }

    Instrument find(UUID id) {
        return instruments.findById(id).orElseThrow(() -> new NotFound("lab.analyser.instrument.notFound", id));
    }

    private void refuseSameName(UUID id, String name) {
        boolean taken = instruments.findAll().stream()
                .anyMatch(i -> i.active() && !i.id().equals(id) && i.name().equalsIgnoreCase(name));
        if (taken) {
            throw new RuleViolation("lab.analyser.instrument.nameTaken", name).on("name");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
    }
}
