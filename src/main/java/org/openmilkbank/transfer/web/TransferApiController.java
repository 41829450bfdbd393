package org.openmilkbank.transfer.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.transfer.HubTransfers;
import org.openmilkbank.transfer.TransferForms;
import org.openmilkbank.transfer.TransferView;
import org.openmilkbank.transfer.Transfers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Transfers of milk to and from other banks of the network, and the hub's view of them. */
@RestController
@PreAuthorize(TransferRoles.VIEW)
class TransferApiController {

    private final Transfers transfers;
    private final HubTransfers hub;

    TransferApiController(Transfers transfers, HubTransfers hub) {
        this.transfers = transfers;
        this.hub = hub;
    }

    @GetMapping("/api/v1/network/transfers")
    @PreAuthorize(TransferRoles.VIEW)
    Paged<TransferView> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return transfers.list(PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/network/transfers/{id}")
    @PreAuthorize(TransferRoles.VIEW)
    TransferView find(@PathVariable UUID id) {
        return transfers.find(id);
    }

    @PostMapping("/api/v1/network/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(TransferRoles.ACT)
    TransferView create(@Valid @RequestBody TransferForms.NewTransfer body) {
        return transfers.create(body);
    }

    @PostMapping("/api/v1/network/transfers/{id}/bottles")
    @PreAuthorize(TransferRoles.ACT)
    TransferView addBottle(@PathVariable UUID id, @Valid @RequestBody TransferForms.Scan body) {
        return transfers.addBottle(id, body);
    }

    @PostMapping("/api/v1/network/transfers/{id}/removals")
    @PreAuthorize(TransferRoles.ACT)
    TransferView removeBottle(@PathVariable UUID id, @Valid @RequestBody TransferForms.Removal body) {
        return transfers.removeBottle(id, body);
    }

    @PostMapping("/api/v1/network/transfers/{id}/dispatch")
    @PreAuthorize(TransferRoles.ACT)
    TransferView dispatch(@PathVariable UUID id, @Valid @RequestBody TransferForms.Dispatch body) {
        return transfers.dispatch(id, body);
    }

    @PostMapping("/api/v1/network/transfers/{id}/arrivals")
    @PreAuthorize(TransferRoles.RECEIVE)
    TransferView arrive(@PathVariable UUID id, @Valid @RequestBody TransferForms.Arrival body) {
        return transfers.arrive(id, body);
    }

    @GetMapping("/api/v1/hub/transfers")
    @PreAuthorize(TransferRoles.HUB_VIEW)
    Paged<HubTransfers.HubTransfer> hubTransfers(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return hub.list(PageRequest.of(page, size));
    }
}
