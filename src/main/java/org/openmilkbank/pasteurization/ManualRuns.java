package org.openmilkbank.pasteurization;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.Signature;
import org.openmilkbank.shared.Signatures;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A run typed without its log is an explicitly manual record: a second person, not its recorder, reads the typed
 * hold, the device and the bottles and confirms it with her password before its bottles can be released.
 */
@Service
@Transactional(readOnly = true)
public class ManualRuns {

    /** What the second person's signature on a manual record means. */
    public static final String CONFIRM_MEANING = "pasteurization.signature.manualConfirm";

    /** The manual record is what she signs (the run's id): the release keeps its own signature on the run. */
    static final String SIGNED_RECORD = "PasteurisationRun.manualRecord";

    private final PasteurisationRunRepository runs;
    private final PasteurisationManagement management;
    private final Signatures signatures;
    private final History history;
    private final Clock clock;

    ManualRuns(
            PasteurisationRunRepository runs,
            PasteurisationManagement management,
            Signatures signatures,
            History history,
            Clock clock) {
        this.runs = runs;
        this.management = management;
        this.signatures = signatures;
        this.history = history;
        this.clock = clock;
    }

    /**
     * The second person confirms the manual record, signing with her own password what she attests
     * ({@link #attestations}); a wrong password, the recorder herself, a run not manual or already confirmed is
     * refused and nothing is signed.
     */
    @Transactional
    public RunView confirm(UUID runId, String signaturePassword) {
        PasteurisationRun run =
                runs.lockById(runId).orElseThrow(() -> new NotFound("pasteurization.run.notFound", runId));
        List<Said> attested = attestations(run);
        run.confirmManual(CurrentActor.username(), Instant.now(clock));
        signatures.sign(signaturePassword, SIGNED_RECORD, runId, Said.code(CONFIRM_MEANING), attested);
        history.record(
                PasteurisationManagement.RECORD_TYPE,
                runId,
                Said.of("pasteurization.history.manualConfirmed", run.recordedBy()));
        return management.find(runId).orElseThrow();
    }

    /** What she attests: the hold as it was typed, the device, the bottles, and that there is no log. */
    public List<Said> attestations(UUID runId) {
        return attestations(runs.findById(runId).orElseThrow(() -> new NotFound("pasteurization.run.notFound", runId)));
    }

    private static List<Said> attestations(PasteurisationRun run) {
        String temperature =
                run.holdTemperatureC() == null ? "—" : run.holdTemperatureC().toPlainString();
        Said hold = PasteurisationMethod.HTST.name().equals(run.method())
                ? Said.of("pasteurization.runs.holdSeconds", temperature, run.holdSeconds())
                : Said.of("pasteurization.run.hold", temperature, run.holdMinutes());
        List<Said> attested = new java.util.ArrayList<>();
        attested.add(Said.of("pasteurization.manual.attest.hold", hold));
        attested.add(Said.of("pasteurization.manual.attest.device", run.device()));
        // one line per bottle size: "3 × 100 mL"
        run.bottleLines()
                .forEach(l -> attested.add(Said.of(
                        "pasteurization.manual.attest.bottles",
                        Said.of("pasteurization.runs.line", l.count(), l.volumeMl()))));
        attested.add(Said.of("pasteurization.manual.attest.noLog", run.recordedBy()));
        return attested;
    }

    /** The second person's signature on the run's manual record, if she confirmed it. */
    public List<Signature> signatures(UUID runId) {
        return signatures.of(SIGNED_RECORD, runId);
    }

    /** Whether the run is a manual record whose bottles wait for a second person's confirmation. */
    public boolean awaitsConfirmation(UUID runId) {
        return runs.findById(runId)
                .map(PasteurisationRun::awaitsManualConfirmation)
                .orElse(false);
    }

    /** Whether the run was typed without its log. */
    public boolean isManual(UUID runId) {
        return runs.findById(runId).map(PasteurisationRun::manual).orElse(false);
    }

    /** The manual records waiting for their confirmation, for the work list (one query). */
    public Set<UUID> awaitingConfirmation() {
        return Set.copyOf(runs.findAwaitingManualConfirmation());
    }
}
