package org.openmilkbank.collection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.RejectReason;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Reception's work lists: what came in on a day, by donor; rejects by reason; milk held for its donor. */
@Controller
@PreAuthorize(ReceptionController.VIEW)
class ReceptionWorkListController {

    private final CollectionManagement collection;
    private final Clock clock;

    ReceptionWorkListController(CollectionManagement collection, Clock clock) {
        this.collection = collection;
        this.clock = clock;
    }

    @GetMapping("/reception/worklists")
    @PreAuthorize(ReceptionController.VIEW)
    String workLists(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate shown = day == null ? today : day;
        LocalDate start = from == null ? today : from;
        LocalDate end = to == null || to.isBefore(start) ? start : to;
        Map<RejectReason, Long> rejects = collection.rejectsByReason(start, end);
        model.addAttribute("day", shown);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("received", collection.receivedOn(shown));
        model.addAttribute("rejects", rejects);
        model.addAttribute(
                "rejectTotal",
                rejects.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("held", collection.held());
        return "collection/worklists";
    }
}
