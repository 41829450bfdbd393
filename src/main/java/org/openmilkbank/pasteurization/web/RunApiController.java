package org.openmilkbank.pasteurization.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.ManualRuns;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunRecord;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Runs over JSON. A failed cycle is still created (201) with outcome FAILED and its reason. */
@RestController
@RequestMapping("/api/v1/runs")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER')")
class RunApiController {

    private final PasteurisationManagement runs;
    private final Inventory inventory;

    private final ManualRuns manualRuns;

    RunApiController(PasteurisationManagement runs, Inventory inventory, ManualRuns manualRuns) {
        this.manualRuns = manualRuns;
        this.runs = runs;
        this.inventory = inventory;
    }

    /** {@code sampledAt}: when the sample was taken (default now); not before the run ended, not in the future. */
    record PostCulture(
            @NotNull @PositiveOrZero Long cfu,
            @Size(max = TextLimits.LABEL) String organism,
            Instant sampledAt) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    RunView record(@Valid @RequestBody RunRecord record) {
        return runs.recordRun(record);
    }

    @GetMapping
    Paged<RunView> list(
            @RequestParam(required = false) RunState state,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(runs.list(state), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    RunView one(@PathVariable UUID id) {
        return runs.find(id).orElseThrow(() -> new NotFound("pasteurization.run.notFound", id));
    }

    @PostMapping("/{id}/post-culture")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    RunView postCulture(@PathVariable UUID id, @Valid @RequestBody PostCulture culture) {
        return runs.recordPostCulture(id, culture.cfu(), culture.organism(), culture.sampledAt());
    }

    @PostMapping("/{id}/release")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    RunView release(@PathVariable UUID id, @Valid @RequestBody ReleaseForm release) {
        return runs.release(id, release.signaturePassword());
    }

    /** A second person, not the recorder, confirms a manual record (typed, without a log) with her password. */
    @PostMapping("/{id}/confirm-manual")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    RunView confirmManual(@PathVariable UUID id, @Valid @RequestBody ConfirmManualForm confirm) {
        return manualRuns.confirm(id, confirm.signaturePassword());
    }

    /** The run's bottles, a page at a time, each DIN with its check character. */
    @GetMapping("/{id}/bottles")
    Paged<RunBottle> bottles(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        one(id);
        return Paged.slice(inventory.bottlesOfRun(id), PageRequest.of(page, size))
                .map(RunBottle::of);
    }

    /** A bottle of a run as the API lists it. */
    record RunBottle(UUID id, String din, int volumeMl, LocalDate expiresOn, String state) {
        static RunBottle of(BottleView b) {
            return new RunBottle(
                    b.id(),
                    Din.parse(b.din()).withCheck(),
                    b.volumeMl(),
                    b.expiresOn(),
                    b.state().name());
        }
    }
}
