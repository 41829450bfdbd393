package org.openmilkbank.network.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.openmilkbank.network.HubMessages;
import org.openmilkbank.network.HubRequests;
import org.openmilkbank.network.SignedBatch;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hub's messages for the bank that asks, by signed request ({@link HubRequests}): its own and those for every
 * bank, after the number it holds, oldest first, each signed with the hub's key.
 */
@RestController
class NetworkMessagesApiController {

    static final int MAX_LIMIT = 500;

    private final HubRequests requests;
    private final HubMessages messages;

    NetworkMessagesApiController(HubRequests requests, HubMessages messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @GetMapping("/api/v1/network/messages")
    @PreAuthorize("permitAll()")
    List<SignedBatch> since(
            HttpServletRequest request,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        String facility = requests.authenticate(request, new byte[0]);
        return messages.since(facility, Math.max(0, after), Math.max(1, Math.min(limit, MAX_LIMIT)));
    }
}
