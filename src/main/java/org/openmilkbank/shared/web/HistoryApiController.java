package org.openmilkbank.shared.web;

import java.time.Instant;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A record's history over JSON: who did what, when and why, rendered in the reader's language (her
 * {@code Accept-Language} or {@code ?lang}). Only the roles that may view the record's area read its history (the role
 * matrix in {@code docs/conventions.md}).
 */
@RestController
@RequestMapping("/api/v1/history")
@PreAuthorize("isAuthenticated()")
class HistoryApiController {

    private final History history;
    private final HistoryAccess access;

    HistoryApiController(History history, HistoryAccess access) {
        this.history = history;
        this.access = access;
    }

    /** One entry: the action and its detail line in the reader's language, the reason given, who and when. */
    record Entry(String action, String detail, String reason, String actor, Instant at) {}

    @GetMapping("/{recordType}/{id}")
    @PreAuthorize("isAuthenticated()")
    Paged<Entry> of(
            @PathVariable String recordType,
            @PathVariable String id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if (!HistoryAccess.VIEWERS.containsKey(recordType)) {
            throw new NotFound("history.recordType.unknown", recordType);
        }
        if (!access.mayView(recordType)) {
            throw new AccessDeniedException("history of " + recordType);
        }
        return Paged.slice(history.of(recordType, id), PageRequest.of(page, size))
                .map(e -> new Entry(e.action(), e.detail(), e.reason(), e.actor(), e.at()));
    }
}
