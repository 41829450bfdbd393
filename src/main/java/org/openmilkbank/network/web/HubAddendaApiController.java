package org.openmilkbank.network.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.openmilkbank.network.Addenda;
import org.openmilkbank.network.AddendumDraft;
import org.openmilkbank.network.HubAddendum;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
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

/** The coordinator's emergency addenda at the hub, as JSON: the same actions as the pages. */
@RestController
@RequestMapping("/api/v1/hub/addenda")
@PreAuthorize(HubAddendaController.VIEW)
class HubAddendaApiController {

    private final Addenda addenda;

    HubAddendaApiController(Addenda addenda) {
        this.addenda = addenda;
    }

    @GetMapping
    @PreAuthorize(HubAddendaController.VIEW)
    Paged<HubAddendum> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(addenda.list(), PageRequest.of(page, size));
    }

    @PostMapping
    @PreAuthorize(HubAddendaController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    HubAddendum draft(@Valid @RequestBody AddendumDraft draft) {
        return addenda.draft(draft);
    }

    @GetMapping("/{id}")
    @PreAuthorize(HubAddendaController.VIEW)
    HubAddendum find(@PathVariable UUID id) {
        return addenda.find(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize(HubAddendaController.ACT)
    HubAddendum amend(@PathVariable UUID id, @Valid @RequestBody AddendumDraft draft) {
        return addenda.amend(id, draft);
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(HubAddendaController.ACT)
    HubAddendum publish(@PathVariable UUID id) {
        return addenda.publish(id);
    }

    @PostMapping("/{id}/versions")
    @PreAuthorize(HubAddendaController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    HubAddendum newVersion(@PathVariable UUID id) {
        return addenda.newVersion(id);
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize(HubAddendaController.ACT)
    HubAddendum withdraw(@PathVariable UUID id, @Valid @RequestBody Reason reason) {
        return addenda.withdraw(id, reason.reason());
    }

    @GetMapping("/{id}/adoptions")
    @PreAuthorize(HubAddendaController.VIEW)
    Paged<Addenda.BankAdoption> adoptions(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(addenda.adoptions(id), PageRequest.of(page, size));
    }

    @GetMapping("/{id}/benchmark")
    @PreAuthorize(HubAddendaController.VIEW)
    Addenda.ResponseBenchmark benchmark(@PathVariable UUID id) {
        return addenda.benchmark(id);
    }
}
