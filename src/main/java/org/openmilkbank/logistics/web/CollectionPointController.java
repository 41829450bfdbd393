package org.openmilkbank.logistics.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.openmilkbank.logistics.CollectionPointKind;
import org.openmilkbank.logistics.CollectionPointView;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.logistics.NewCollectionPoint;
import org.openmilkbank.logistics.TransportMode;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Collection points: the list with a form for a new one, and one point to correct, deactivate or send a box from. */
@Controller
@RequestMapping("/logistics/points")
@PreAuthorize(LogisticsRoles.VIEW)
class CollectionPointController {

    private final LogisticsManagement logistics;
    private final History history;
    private final Messages messages;
    private final Clock clock;

    CollectionPointController(LogisticsManagement logistics, History history, Messages messages, Clock clock) {
        this.logistics = logistics;
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(LogisticsRoles.VIEW)
    String list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        Paged<CollectionPointView> paged = Paged.slice(logistics.points(false), PageRequest.of(page, size));
        model.addAttribute("paged", paged);
        model.addAttribute("points", paged.items());
        model.addAttribute("kinds", CollectionPointKind.values());
        return "logistics/points";
    }

    @PostMapping
    @PreAuthorize(LogisticsRoles.ACT)
    String create(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) CollectionPointKind kind,
            @RequestParam(required = false) String address,
            RedirectAttributes flash) {
        CollectionPointView point = logistics.createPoint(new NewCollectionPoint(name, kind, address));
        flash.addFlashAttribute("success", messages.get("logistics.point.created", point.name()));
        return "redirect:/logistics/points/" + point.id();
    }

    @GetMapping("/{id}")
    @PreAuthorize(LogisticsRoles.VIEW)
    String show(@PathVariable UUID id, Model model) {
        CollectionPointView point =
                logistics.findPoint(id).orElseThrow(() -> new NotFound("logistics.point.notFound", id));
        model.addAttribute("point", point);
        model.addAttribute("kinds", CollectionPointKind.values());
        model.addAttribute("modes", TransportMode.values());
        model.addAttribute("now", LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("history", history.of(LogisticsManagement.POINT, id));
        return "logistics/point";
    }

    @PostMapping("/{id}")
    @PreAuthorize(LogisticsRoles.ACT)
    String correct(
            @PathVariable UUID id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) CollectionPointKind kind,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        logistics.correctPoint(id, new NewCollectionPoint(name, kind, address), reason);
        flash.addFlashAttribute("success", messages.get("logistics.point.corrected"));
        return "redirect:/logistics/points/" + id;
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize(LogisticsRoles.ACT)
    String deactivate(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        CollectionPointView point = logistics.deactivatePoint(id, reason);
        flash.addFlashAttribute("success", messages.get("logistics.point.deactivated", point.name()));
        return "redirect:/logistics/points/" + id;
    }

    @PostMapping("/{id}/reactivate")
    @PreAuthorize(LogisticsRoles.ACT)
    String reactivate(@PathVariable UUID id, RedirectAttributes flash) {
        CollectionPointView point = logistics.reactivatePoint(id);
        flash.addFlashAttribute("success", messages.get("logistics.point.reactivated", point.name()));
        return "redirect:/logistics/points/" + id;
    }
}
