package org.openmilkbank.network.web;

import jakarta.validation.Valid;
import java.util.Map;
import org.openmilkbank.network.NetworkEnrolment;
import org.openmilkbank.network.NetworkInbox;
import org.openmilkbank.network.NetworkLink;
import org.openmilkbank.network.NetworkOutbox;
import org.openmilkbank.network.NetworkSharing;
import org.openmilkbank.network.NetworkSync;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A bank manager's network API: enrol with a hub, what left and when, the inbox, send now, the consents. */
@RestController
@RequestMapping("/api/v1/network")
class NetworkBankApiController {

    private final NetworkEnrolment enrolment;
    private final NetworkOutbox outbox;
    private final NetworkInbox inbox;
    private final NetworkSync sync;
    private final NetworkSharing sharing;

    NetworkBankApiController(
            NetworkEnrolment enrolment,
            NetworkOutbox outbox,
            NetworkInbox inbox,
            NetworkSync sync,
            NetworkSharing sharing) {
        this.enrolment = enrolment;
        this.outbox = outbox;
        this.inbox = inbox;
        this.sync = sync;
        this.sharing = sharing;
    }

    /** Enrols the bank with a hub by its one-time code; 422 with the hub's coded refusal. */
    @PostMapping("/enrolment")
    @PreAuthorize(NetworkController.ACT)
    NetworkLink.Link enrol(@Valid @RequestBody NetworkEnrolment.EnrolForm form) {
        return enrolment.enrol(form);
    }

    /** What the bank shared, newest first: number, JSON as sent, when written and when the hub acknowledged it. */
    @GetMapping("/outbox")
    @PreAuthorize(NetworkController.VIEW)
    Paged<NetworkOutbox.Entry> outbox(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return outbox.entries(PageRequest.of(page, size));
    }

    /** What the hub sent, newest first, with what handling it did. */
    @GetMapping("/inbox")
    @PreAuthorize(NetworkController.VIEW)
    Paged<NetworkInbox.Entry> inbox(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return inbox.entries(PageRequest.of(page, size));
    }

    /** Sends the outbox and fetches the hub's messages now. */
    @PostMapping("/sync")
    @PreAuthorize(NetworkController.ACT)
    NetworkSync.Result sync() {
        return sync.syncNow();
    }

    @GetMapping("/sharing")
    @PreAuthorize(NetworkController.VIEW)
    Map<String, Boolean> sharing() {
        return Map.of("sharesEvents", sharing.sharesEvents(), "named", sharing.namedToPeers());
    }

    /** Changes the bank's consents, with a reason. */
    @PostMapping("/sharing")
    @PreAuthorize(NetworkController.ACT)
    NetworkSharing.Change changeSharing(@Valid @RequestBody NetworkSharing.SharingForm form) {
        return sharing.change(form);
    }
}
