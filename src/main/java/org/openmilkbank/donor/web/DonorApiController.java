package org.openmilkbank.donor.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.NewDonor;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.donor.SerologyView;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.web.Messages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class DonorApiController {

    private final DonorManagement donors;
    private final Messages messages;
    private final Clock clock;

    DonorApiController(DonorManagement donors, Messages messages, Clock clock) {
        this.donors = donors;
        this.messages = messages;
        this.clock = clock;
    }

    record Correction(
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            LocalDate birthDate,
            @Size(max = 30) String phone,
            @Size(max = 300) String address,
            @NotBlank String reason) {}

    record NewSerology(
            @NotBlank String test,
            @NotNull LocalDate sampleDate,
            @NotNull SerologyOutcome outcome,
            @Size(max = 100) String labReference) {}

    record Reason(@NotBlank String reason) {}

    @GetMapping("/donors")
    @PreAuthorize(DonorController.VIEW)
    List<DonorView> search(@RequestParam(required = false) String q) {
        return donors.search(q);
    }

    @PostMapping("/donors")
    @PreAuthorize(DonorController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    DonorView register(@Valid @RequestBody NewDonor donor) {
        return donors.register(donor);
    }

    @GetMapping("/donors/{id}")
    @PreAuthorize(DonorController.VIEW)
    DonorView one(@PathVariable UUID id) {
        return donors.find(id).orElseThrow(() -> new NotFound("donor.notFound", id));
    }

    @PutMapping("/donors/{id}")
    @PreAuthorize(DonorController.ACT)
    DonorView correct(@PathVariable UUID id, @Valid @RequestBody Correction c) {
        return donors.correct(
                id, new NewDonor(c.givenName(), c.familyName(), c.birthDate(), c.phone(), c.address()), c.reason());
    }

    @GetMapping("/donors/{id}/serology")
    @PreAuthorize(DonorController.VIEW)
    List<SerologyView> serology(@PathVariable UUID id) {
        return donors.serology(id);
    }

    @PostMapping("/donors/{id}/serology")
    @PreAuthorize(DonorController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    SerologyView recordSerology(@PathVariable UUID id, @Valid @RequestBody NewSerology s) {
        return donors.recordSerology(id, s.test(), s.sampleDate(), s.outcome(), s.labReference());
    }

    @PostMapping("/serology/{id}/void")
    @PreAuthorize(DonorController.ACT)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void voidSerology(@PathVariable UUID id, @Valid @RequestBody Reason reason) {
        donors.voidSerology(id, reason.reason());
    }

    @GetMapping("/donors/{id}/eligibility")
    @PreAuthorize(DonorController.VIEW)
    EligibilityPanel eligibility(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return EligibilityPanel.of(donors.eligibilityOn(id, date == null ? LocalDate.now(clock) : date), messages);
    }
}
