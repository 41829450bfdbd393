package org.openmilkbank.network.web;

import jakarta.validation.Valid;
import java.util.Locale;
import org.openmilkbank.network.BatchIntake;
import org.openmilkbank.network.BatchReceipt;
import org.openmilkbank.network.BatchRefused;
import org.openmilkbank.network.HubRequests;
import org.openmilkbank.network.SignedBatch;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hub's door for banks' batches. No staff password: the batch is authenticated by the bank's signature, which
 * {@link BatchIntake} checks over every signed byte before anything is stored.
 */
@RestController
@RequestMapping("/api/v1/network/batches")
class BatchApiController {

    private final BatchIntake intake;
    private final MessageSource messages;
    private final HubRequests hub;

    BatchApiController(BatchIntake intake, MessageSource messages, HubRequests hub) {
        this.intake = intake;
        this.messages = messages;
        this.hub = hub;
    }

    /** 200 accepted or already received; 409 a gap (naming the number expected) or a conflict; 401 not the bank's. */
    @PostMapping
    @PreAuthorize("permitAll()")
    BatchReceipt receive(@Valid @RequestBody SignedBatch batch) {
        // only a hub takes batches: on a bank this door does not exist
        hub.requireHub();
        return intake.receive(batch);
    }

    @ExceptionHandler(BatchRefused.class)
    ResponseEntity<ProblemDetail> refused(BatchRefused refused, Locale locale) {
        HttpStatus status = switch (refused.reason()) {
            case UNKNOWN_BANK, BAD_SIGNATURE -> HttpStatus.UNAUTHORIZED;
            case GAP, CONFLICT -> HttpStatus.CONFLICT;
            case PAYLOAD_INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(refused.code(), refused.args(), refused.code(), locale));
        problem.setProperty("code", refused.code());
        if (refused.expected() != null) {
            problem.setProperty("expected", refused.expected());
        }
        return ResponseEntity.status(status).body(problem);
    }
}
