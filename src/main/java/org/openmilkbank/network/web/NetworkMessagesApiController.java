package org.openmilkbank.network.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openmilkbank.network.EnrolmentAnswer;
import org.openmilkbank.network.HubMessages;
import org.openmilkbank.network.HubRequests;
import org.openmilkbank.network.NetworkHub;
import org.openmilkbank.network.SignedBatch;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hub's messages for the bank that asks, by signed request ({@link HubRequests}): its own and those for every
 * bank, after the number it holds, oldest first, each signed with the hub's key; and a bank's enrolment.
 */
@RestController
class NetworkMessagesApiController {

    static final int MAX_LIMIT = 500;

    private final HubRequests requests;
    private final HubMessages messages;
    private final NetworkHub hub;
    private final MessageSource words;

    NetworkMessagesApiController(HubRequests requests, HubMessages messages, NetworkHub hub, MessageSource words) {
        this.requests = requests;
        this.messages = messages;
        this.hub = hub;
        this.words = words;
    }

    /**
     * A bank enrols with its one-time code and its key, signed with that key: 200 with the hub's key; 422 with the
     * code's refusal (unknown, another bank's, used, expired); 401 when not signed by the key it brings.
     */
    @PostMapping(path = "/api/v1/network/enrolments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("permitAll()")
    EnrolmentAnswer enrol(HttpServletRequest request, @RequestBody byte[] body) {
        return hub.enrol(requests.enrolment(request, body));
    }

    /** Refusals with their arguments, so the bank says the same in its reader's language. */
    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> refused(RuleViolation refused, Locale locale) {
        HttpStatus status = refused instanceof NotFound ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, words.getMessage(refused.code(), refused.args(), refused.code(), locale));
        problem.setTitle(status == HttpStatus.NOT_FOUND ? "Not found" : "Refused");
        problem.setProperty("code", refused.code());
        problem.setProperty("args", Arrays.asList(refused.args()));
        return ResponseEntity.status(status).body(problem);
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
