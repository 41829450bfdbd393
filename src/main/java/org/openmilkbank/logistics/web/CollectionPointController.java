package org.openmilkbank.logistics.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.openmilkbank.logistics.CollectionPointKind;
import org.openmilkbank.logistics.CollectionPointView;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.logistics.NewCollectionPoint;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    private final Messages messages;
    private final Forms forms;
    private final LogisticsPages pages;

    CollectionPointController(LogisticsManagement logistics, Messages messages, Forms forms, LogisticsPages pages) {
        this.logistics = logistics;
        this.messages = messages;
        this.forms = forms;
        this.pages = pages;
    }

    @GetMapping
    @PreAuthorize(LogisticsRoles.VIEW)
    String list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        return listPage(page, size, model);
    }

    private String listPage(Integer page, Integer size, Model model) {
        Paged<CollectionPointView> paged = Paged.slice(logistics.points(false), PageRequest.of(page, size));
        model.addAttribute("paged", paged);
        model.addAttribute("points", paged.items());
        model.addAttribute("kinds", CollectionPointKind.values());
        if (!model.containsAttribute("newPoint")) {
            model.addAttribute("newPoint", new LogisticsApiController.PointBody(null, null, null, null));
        }
        return "logistics/points";
    }

    /** A new point from the same record the API takes; a refused or invalid form comes back as it was typed. */
    @PostMapping
    @PreAuthorize(LogisticsRoles.ACT)
    String create(
            @Valid @ModelAttribute("newPoint") LogisticsApiController.PointBody newPoint,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    CollectionPointView point = logistics.createPoint(
                            new NewCollectionPoint(newPoint.name(), newPoint.kind(), newPoint.address()));
                    flash.addFlashAttribute("success", messages.get("logistics.point.created", point.name()));
                    return "redirect:/logistics/points/" + point.id();
                },
                () -> listPage(null, null, model));
    }

    @GetMapping("/{id}")
    @PreAuthorize(LogisticsRoles.VIEW)
    String show(@PathVariable UUID id, Model model) {
        return pages.pointPage(id, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize(LogisticsRoles.ACT)
    String correct(
            @PathVariable UUID id,
            @Valid @ModelAttribute("correction") LogisticsApiController.PointBody correction,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    logistics.correctPoint(
                            id,
                            new NewCollectionPoint(correction.name(), correction.kind(), correction.address()),
                            correction.reason());
                    flash.addFlashAttribute("success", messages.get("logistics.point.corrected"));
                    return "redirect:/logistics/points/" + id;
                },
                () -> pages.pointPage(id, model));
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize(LogisticsRoles.ACT)
    String deactivate(
            @PathVariable UUID id,
            @Valid @ModelAttribute("deactivation") LogisticsApiController.ReasonBody deactivation,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    CollectionPointView point = logistics.deactivatePoint(id, deactivation.reason());
                    flash.addFlashAttribute("success", messages.get("logistics.point.deactivated", point.name()));
                    return "redirect:/logistics/points/" + id;
                },
                () -> pages.pointPage(id, model));
    }

    @PostMapping("/{id}/reactivate")
    @PreAuthorize(LogisticsRoles.ACT)
    String reactivate(@PathVariable UUID id, RedirectAttributes flash) {
        CollectionPointView point = logistics.reactivatePoint(id);
        flash.addFlashAttribute("success", messages.get("logistics.point.reactivated", point.name()));
        return "redirect:/logistics/points/" + id;
    }
}
