package org.openmilkbank.network.web;

import jakarta.validation.Valid;
import org.openmilkbank.network.NetworkHub;
import org.openmilkbank.network.NewNetworkBank;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The coordinator's register of banks: register a bank (its one-time code is in the answer, once), issue a new code. */
@RestController
@RequestMapping("/api/v1/hub/banks")
class HubBanksApiController {

    private final NetworkHub hub;

    HubBanksApiController(NetworkHub hub) {
        this.hub = hub;
    }

    @GetMapping
    @PreAuthorize(HubBanksController.VIEW)
    org.openmilkbank.shared.Paged<NetworkHub.BankView> banks(
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer page,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer size) {
        return org.openmilkbank.shared.Paged.slice(hub.banks(), org.openmilkbank.shared.PageRequest.of(page, size));
    }

    @GetMapping("/{facilityCode}")
    @PreAuthorize(HubBanksController.VIEW)
    NetworkHub.BankView bank(@PathVariable String facilityCode) {
        return hub.bank(facilityCode);
    }

    /** Registers a bank waiting for enrolment; the answer carries its one-time code, shown this once. */
    @PostMapping
    @PreAuthorize(HubBanksController.ACT)
    NetworkHub.IssuedCode register(@Valid @RequestBody NewNetworkBank bank) {
        return hub.registerForEnrolment(bank);
    }

    /** A new one-time code for a registered bank (a code expired, or the bank enrols a new key). */
    @PostMapping("/{facilityCode}/codes")
    @PreAuthorize(HubBanksController.ACT)
    NetworkHub.IssuedCode issueCode(@PathVariable String facilityCode) {
        return hub.issueCode(facilityCode);
    }
}
