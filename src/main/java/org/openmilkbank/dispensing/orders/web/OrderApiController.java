package org.openmilkbank.dispensing.orders.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openmilkbank.dispensing.orders.OrderAllocation;
import org.openmilkbank.dispensing.orders.OrderDispatch;
import org.openmilkbank.dispensing.orders.OrderManagement;
import org.openmilkbank.dispensing.orders.OrderReturns;
import org.openmilkbank.dispensing.orders.OrderView;
import org.openmilkbank.dispensing.orders.ReturnView;
import org.openmilkbank.dispensing.orders.ShortageMode;
import org.openmilkbank.dispensing.orders.ShortageView;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Orders of donor milk: the ward orders, amends and cancels; the dispenser allocates; the manager calls shortage. */
@RestController
@RequestMapping("/api/v1/orders")
@PreAuthorize("hasAnyRole('NURSE', 'DISPENSER', 'MANAGER')")
class OrderApiController {

    private final OrderManagement orders;
    private final OrderAllocation allocation;
    private final ShortageMode shortage;
    private final OrderDispatch dispatch;
    private final OrderReturns returns;

    OrderApiController(
            OrderManagement orders,
            OrderAllocation allocation,
            ShortageMode shortage,
            OrderDispatch dispatch,
            OrderReturns returns) {
        this.dispatch = dispatch;
        this.returns = returns;
        this.orders = orders;
        this.allocation = allocation;
        this.shortage = shortage;
    }

    /** Open orders (neither fulfilled nor cancelled), first requested first. */
    @GetMapping
    Paged<OrderView> open(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(orders.open(), PageRequest.of(page, size));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('NURSE', 'MANAGER')")
    OrderView request(@Valid @RequestBody OrderForms.NewOrder order) {
        return orders.request(order.infantId(), order.terms());
    }

    @GetMapping("/{id}")
    OrderView one(@PathVariable UUID id) {
        return orders.find(id);
    }

    @PostMapping("/{id}/amendments")
    @PreAuthorize("hasAnyRole('NURSE', 'MANAGER')")
    OrderView amend(@PathVariable UUID id, @Valid @RequestBody OrderForms.Amendment amendment) {
        return orders.amend(id, amendment.terms(), amendment.reason());
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasAnyRole('NURSE', 'MANAGER')")
    OrderView cancel(@PathVariable UUID id, @Valid @RequestBody OrderForms.Cancellation cancellation) {
        return orders.cancel(id, cancellation.reason());
    }

    /** The bottles the bank proposes for a requested order. */
    @GetMapping("/{id}/proposal")
    @PreAuthorize("hasAnyRole('DISPENSER', 'MANAGER')")
    Paged<OrderView.OrderBottleView> proposal(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(allocation.proposal(id), PageRequest.of(page, size));
    }

    @PostMapping("/{id}/allocation")
    @PreAuthorize("hasRole('DISPENSER')")
    OrderView accept(@PathVariable UUID id, @Valid @RequestBody OrderForms.Acceptance acceptance) {
        return allocation.accept(id, acceptance.dins(), acceptance.changeReason());
    }

    @PostMapping("/{id}/dispatch")
    @PreAuthorize("hasRole('DISPENSER')")
    OrderView dispatch(@PathVariable UUID id) {
        return dispatch.dispatch(id);
    }

    @PostMapping("/{id}/receipt")
    @PreAuthorize("hasAnyRole('NURSE', 'MANAGER')")
    OrderView receive(@PathVariable UUID id, @Valid @RequestBody OrderForms.ScannedBottles scanned) {
        return dispatch.receive(id, scanned.dins());
    }

    /** Unused bottles back from the ward: each back into stock or discarded by the profile's rule, with why. */
    @PostMapping("/{id}/returns")
    @PreAuthorize("hasRole('DISPENSER')")
    List<ReturnView> takeBack(@PathVariable UUID id, @Valid @RequestBody OrderForms.ReturnedBottles returned) {
        return returns.takeBack(id, returned.request());
    }

    @PostMapping("/{id}/fulfilment")
    @PreAuthorize("hasAnyRole('NURSE', 'MANAGER')")
    OrderView fulfil(@PathVariable UUID id) {
        return dispatch.fulfil(id);
    }

    @GetMapping(value = "/{id}/manifest.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> manifest(@PathVariable UUID id, Locale locale) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(dispatch.manifest(id, locale));
    }

    /** Shortage mode and, in it, who goes short and by how much. */
    @GetMapping("/shortage")
    @PreAuthorize("hasAnyRole('DISPENSER', 'MANAGER')")
    ShortageView shortage() {
        return shortage.status();
    }

    @PostMapping("/shortage")
    @PreAuthorize("hasRole('MANAGER')")
    ShortageView switchShortage(@Valid @RequestBody OrderForms.ShortageSwitch change) {
        return shortage.switchTo(change.on(), change.reason());
    }
}
