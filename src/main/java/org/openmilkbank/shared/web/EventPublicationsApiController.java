package org.openmilkbank.shared.web;

import java.util.UUID;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Stuck follow-up steps for an ADMIN's scripts: list them, send one or all again. */
@RestController
@RequestMapping("/api/v1/event-publications")
@PreAuthorize("hasRole('ADMIN')")
class EventPublicationsApiController {

    private final StuckEventPublications stuck;

    EventPublicationsApiController(StuckEventPublications stuck) {
        this.stuck = stuck;
    }

    record Resubmitted(int count) {}

    @GetMapping("/stuck")
    Paged<StuckEventPublications.StuckPublication> stuck(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(stuck.list(), PageRequest.of(page, size));
    }

    @PostMapping("/{id}/resubmit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Resubmitted resubmit(@PathVariable UUID id) {
        stuck.resubmit(id);
        return new Resubmitted(1);
    }

    @PostMapping("/resubmit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Resubmitted resubmitAll() {
        return new Resubmitted(stuck.resubmitAll());
    }
}
