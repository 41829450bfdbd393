package org.openmilkbank.collection.web;

import java.util.UUID;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RawContainerDetail;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Received donations and the raw store, container by container. */
@Controller
@PreAuthorize(ReceptionController.VIEW)
class ContainerController {

    private final CollectionManagement collection;
    private final History history;
    private final Messages messages;

    ContainerController(CollectionManagement collection, History history, Messages messages) {
        this.collection = collection;
        this.history = history;
        this.messages = messages;
    }

    @GetMapping("/donations/{id}")
    @PreAuthorize(ReceptionController.VIEW)
    String donation(@PathVariable UUID id, Model model) {
        DonationView donation =
                collection.findDonation(id).orElseThrow(() -> new NotFound("collection.donation.notFound", id));
        model.addAttribute("donation", donation);
        model.addAttribute(
                "labels",
                donation.containers().stream()
                        .map(c -> Din.parse(c.din()).withCheck())
                        .toList());
        model.addAttribute("history", history.of(CollectionManagement.DONATION, id));
        return "collection/donation";
    }

    @GetMapping("/containers")
    @PreAuthorize(ReceptionController.VIEW)
    String containers(
            @RequestParam(required = false) ContainerState state,
            @RequestParam(required = false) String din,
            Model model) {
        if (din != null && !din.isBlank()) {
            return "redirect:/containers/" + Din.parse(din).withCheck();
        }
        model.addAttribute("state", state);
        model.addAttribute("states", ContainerState.values());
        model.addAttribute("containers", collection.containers(state));
        return "collection/containers";
    }

    @GetMapping("/containers/{din}")
    @PreAuthorize(ReceptionController.VIEW)
    String container(@PathVariable String din, Model model) {
        RawContainerDetail detail =
                collection.container(din).orElseThrow(() -> new NotFound("collection.container.notFound", din));
        model.addAttribute("detail", detail);
        model.addAttribute("c", detail.container());
        model.addAttribute("label", Din.parse(detail.container().din()).withCheck());
        model.addAttribute(
                "history",
                history.of(CollectionManagement.CONTAINER, detail.container().id()));
        return "collection/container";
    }

    @PostMapping("/containers/{din}/discard")
    @PreAuthorize(ReceptionController.ACT)
    String discard(@PathVariable String din, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        var container = collection.discardContainer(din, reason);
        String label = Din.parse(container.din()).withCheck();
        flash.addFlashAttribute("success", messages.get("collection.container.discardedFlash", label));
        return "redirect:/containers/" + label;
    }
}
