package org.openmilkbank.collection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.ReceivedContainer;
import org.openmilkbank.collection.RejectReason;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
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
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        // both lists turn the same page; each pager shows its own total, so nothing is cut unseen
        PageRequest request = PageRequest.of(page, size);
        LocalDate today = LocalDate.now(clock);
        LocalDate shown = day == null ? today : day;
        LocalDate start = from == null ? today : from;
        LocalDate end = to == null || to.isBefore(start) ? start : to;
        Map<RejectReason, Long> rejects = collection.rejectsByReason(start, end);
        model.addAttribute("day", shown);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        Paged<DonationView> received = Paged.slice(collection.receivedOn(shown), request);
        model.addAttribute("receivedPaged", received);
        model.addAttribute("received", received.items());
        model.addAttribute("rejects", rejects);
        model.addAttribute(
                "rejectTotal",
                rejects.values().stream().mapToLong(Long::longValue).sum());
        Paged<ReceivedContainer> held = collection.held(request);
        model.addAttribute("heldPaged", held);
        model.addAttribute("held", held.items());
        return "collection/worklists";
    }
}
