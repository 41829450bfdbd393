package org.openmilkbank.pasteurization.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunRecord;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
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

    RunApiController(PasteurisationManagement runs) {
        this.runs = runs;
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
    RunView release(@PathVariable UUID id) {
        return runs.release(id);
    }
}
