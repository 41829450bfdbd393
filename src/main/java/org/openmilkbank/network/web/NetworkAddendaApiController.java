package org.openmilkbank.network.web;

import jakarta.validation.Valid;
import org.openmilkbank.network.AddendumOffers;
import org.openmilkbank.network.AdoptAddendum;
import org.openmilkbank.network.OfferedAddendum;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The bank manager's own actions on the hub's addenda, as JSON. */
@RestController
@RequestMapping("/api/v1/network/addenda")
@PreAuthorize(NetworkAddendaController.VIEW)
class NetworkAddendaApiController {

    private final AddendumOffers offers;

    NetworkAddendaApiController(AddendumOffers offers) {
        this.offers = offers;
    }

    @GetMapping
    @PreAuthorize(NetworkAddendaController.VIEW)
    Paged<OfferedAddendum> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(offers.offers(), PageRequest.of(page, size));
    }

    @PostMapping("/{code}/{version}/adoption")
    @PreAuthorize(NetworkAddendaController.ACT)
    OfferedAddendum adopt(
            @PathVariable String code, @PathVariable int version, @Valid @RequestBody AdoptAddendum adoption) {
        return offers.adopt(code, version, adoption);
    }

    @PostMapping("/{code}/{version}/end")
    @PreAuthorize(NetworkAddendaController.ACT)
    OfferedAddendum end(@PathVariable String code, @PathVariable int version, @Valid @RequestBody Reason reason) {
        return offers.end(code, version, reason.reason());
    }
}
