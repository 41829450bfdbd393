package org.openmilkbank.lab.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.lab.CultureCount;
import org.openmilkbank.lab.CultureMedium;
import org.openmilkbank.lab.LabManagement;
import org.openmilkbank.lab.LabWorkList;
import org.openmilkbank.lab.PlanState;
import org.openmilkbank.lab.SamplePurpose;
import org.openmilkbank.lab.SampleView;
import org.openmilkbank.lab.SamplingPlans;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The lab's API: take a sample of a unit, record a read, amend it, the work lists. */
@RestController
@RequestMapping("/api/v1/lab")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN')")
class LabApiController {

    private final LabManagement lab;
    private final SamplingPlans plans;

    LabApiController(LabManagement lab, SamplingPlans plans) {
        this.lab = lab;
        this.plans = plans;
    }

    /** The sampling plan as it stands: the profile's rule, the last sampled run, runs and days since, next due. */
    @GetMapping("/plan")
    PlanState plan() {
        return plans.state();
    }

    /**
     * {@code unitCode}: the DIN (with or without its check character) or a run's code; times default to now, the
     * incubation temperature to the profile's.
     */
    record TakeSample(
            @NotBlank @Size(max = TextLimits.LABEL) String unitCode,
            @NotNull SamplePurpose purpose,
            CultureMedium medium,
            Instant takenAt,
            Instant incubationStartedAt,
            @DecimalMin("0") @DecimalMax("100") java.math.BigDecimal incubationTemperatureC) {}

    record Read(@NotEmpty List<@Valid @NotNull CultureCount> counts, Instant readAt) {}

    record Amend(
            @NotEmpty List<@Valid @NotNull CultureCount> counts,
            @NotBlank @Size(max = TextLimits.REASON) String reason) {}

    @PostMapping("/samples")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    SampleView take(@Valid @RequestBody TakeSample body) {
        return lab.takeSample(
                body.unitCode(),
                body.purpose(),
                body.medium(),
                body.takenAt(),
                body.incubationStartedAt(),
                body.incubationTemperatureC());
    }

    @GetMapping("/samples/{id}")
    SampleView sample(@PathVariable UUID id) {
        return lab.find(id).orElseThrow(() -> new NotFound("lab.culture.sample.notFound", id));
    }

    @PostMapping("/samples/{id}/reads")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    SampleView read(@PathVariable UUID id, @Valid @RequestBody Read body) {
        return lab.recordRead(id, body.counts(), body.readAt());
    }

    @PostMapping("/samples/{id}/amendments")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    SampleView amend(@PathVariable UUID id, @Valid @RequestBody Amend body) {
        return lab.amendRead(id, body.counts(), body.reason());
    }

    @GetMapping("/units/{unitId}/samples")
    List<SampleView> ofUnit(@PathVariable UUID unitId) {
        return lab.samplesOf(unitId);
    }

    @GetMapping("/work-list")
    LabWorkList workList() {
        return lab.workList();
    }
}
