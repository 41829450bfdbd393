package org.openmilkbank.dispensing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.openmilkbank.dispensing.DispenseView;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.NewInfant;
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

@RestController
@RequestMapping("/api/v1/infants")
@PreAuthorize("hasAnyRole('NURSE', 'DISPENSER', 'MANAGER')")
class InfantApiController {

    private final DispensingManagement dispensing;

    InfantApiController(DispensingManagement dispensing) {
        this.dispensing = dispensing;
    }

    record Consent(@NotNull LocalDate consentDate) {}

    record Correction(
            @NotNull @Valid NewInfant details,
            @NotBlank @Size(max = TextLimits.REASON) String reason) {}

    /** The scanned bottle; {@code notFirstReason} is required when it is not the first to expire on offer. */
    record DispenseRequest(
            @NotBlank @Size(max = TextLimits.CODE) String bottleDin,
            @Size(max = TextLimits.REASON) String notFirstReason) {}

    @GetMapping
    Paged<InfantView> search(
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(dispensing.search(query), PageRequest.of(page, size));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER')")
    InfantView register(@Valid @RequestBody NewInfant infant) {
        return dispensing.registerInfant(infant);
    }

    @GetMapping("/{id}")
    InfantView one(@PathVariable UUID id) {
        return dispensing.find(id).orElseThrow(() -> new NotFound("dispensing.infant.notFound", id));
    }

    @PostMapping("/{id}/consent")
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER')")
    InfantView consent(@PathVariable UUID id, @Valid @RequestBody Consent consent) {
        return dispensing.recordConsent(id, consent.consentDate());
    }

    /**
     * Amends her risks (NEC, gut surgery, heart disease) with a reason, as her page does; a risk left out keeps its
     * value. Her orders' criteria follow.
     */
    @PostMapping("/{id}/risks")
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER')")
    InfantView risks(@PathVariable UUID id, @Valid @RequestBody InfantController.RisksForm risks) {
        InfantView current = dispensing.find(id).orElseThrow(() -> new NotFound("dispensing.infant.notFound", id));
        return dispensing.amendRisks(
                id,
                risks.necRisk() == null ? current.necRisk() : risks.necRisk(),
                risks.gutSurgery() == null ? current.gutSurgery() : risks.gutSurgery(),
                risks.heartDisease() == null ? current.heartDisease() : risks.heartDisease(),
                risks.reason());
    }

    @PostMapping("/{id}/corrections")
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER')")
    InfantView correct(@PathVariable UUID id, @Valid @RequestBody Correction correction) {
        InfantView current = dispensing.find(id).orElseThrow(() -> new NotFound("dispensing.infant.notFound", id));
        return dispensing.correct(id, merged(correction.details(), current), correction.reason());
    }

    /**
     * A correction is a patch: a field left out keeps its value (consent and its date included), so a client
     * that sends only the ward never erases the rest. An empty given name is how to clear it.
     */
    static NewInfant merged(NewInfant sent, InfantView current) {
        boolean consent = sent.consentGiven() == null ? current.consentGiven() : sent.consentGiven();
        LocalDate consentDate = sent.consentDate() != null
                ? sent.consentDate()
                : consent && current.consentGiven() ? current.consentDate() : null;
        return new NewInfant(
                or(sent.infantCode(), current.infantCode()),
                or(sent.familyName(), current.familyName()),
                or(sent.givenName(), current.givenName()),
                or(sent.birthDate(), current.birthDate()),
                or(sent.gestationalAgeWeeks(), current.gestationalAgeWeeks()),
                or(sent.gestationalAgeDays(), current.gestationalAgeDays()),
                or(sent.birthWeightGrams(), current.birthWeightGrams()),
                or(sent.ward(), current.ward()),
                consent,
                consentDate);
    }

    private static <T> T or(T sent, T current) {
        return sent == null ? current : sent;
    }

    @GetMapping("/{id}/dispenses")
    Paged<DispenseView> dispenses(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(dispensing.dispensesOf(id), PageRequest.of(page, size));
    }

    @PostMapping("/{id}/dispenses")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DISPENSER')")
    DispenseView dispense(@PathVariable UUID id, @Valid @RequestBody DispenseRequest request) {
        return dispensing.dispense(id, request.bottleDin(), request.notFirstReason());
    }
}
