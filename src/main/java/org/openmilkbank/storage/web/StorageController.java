package org.openmilkbank.storage.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.storage.NewPlaceInside;
import org.openmilkbank.storage.NewStorageUnit;
import org.openmilkbank.storage.PlaceAmendment;
import org.openmilkbank.storage.PlaceRetirement;
import org.openmilkbank.storage.PlaceView;
import org.openmilkbank.storage.Places;
import org.openmilkbank.storage.PutAway;
import org.openmilkbank.storage.PutAwayResult;
import org.openmilkbank.storage.PutAwayScan;
import org.openmilkbank.storage.StockByPlace;
import org.openmilkbank.storage.StockTakeExplanation;
import org.openmilkbank.storage.StockTakeView;
import org.openmilkbank.storage.StockTakes;
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
import org.springframework.web.util.UriComponentsBuilder;

/** The places and freezer maps, put-away by scanner, "where is it?" and stock takes. */
@Controller
@RequestMapping("/storage")
@PreAuthorize(StorageRoles.VIEW)
class StorageController {

    private final Places places;
    private final PutAway putAway;
    private final StockTakes stockTakes;
    private final StockByPlace stockByPlace;
    private final StoragePages pages;
    private final Forms forms;
    private final Messages messages;

    StorageController(
            Places places,
            PutAway putAway,
            StockTakes stockTakes,
            StockByPlace stockByPlace,
            StoragePages pages,
            Forms forms,
            Messages messages) {
        this.places = places;
        this.putAway = putAway;
        this.stockTakes = stockTakes;
        this.stockByPlace = stockByPlace;
        this.pages = pages;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/places")
    @PreAuthorize(StorageRoles.VIEW)
    String placesHome(Model model) {
        return pages.placesPage(model);
    }

    /** A scanned place code opens its page. */
    @GetMapping("/places/scan")
    @PreAuthorize(StorageRoles.VIEW)
    String scanPlace(@RequestParam(required = false) String code, RedirectAttributes flash) {
        return places.findByCode(code)
                .map(p -> "redirect:/storage/places/" + p.id())
                .orElseGet(() -> {
                    flash.addFlashAttribute(
                            "error", messages.get("storage.putAway.placeUnknown", code == null ? "" : code.strip()));
                    return "redirect:/storage/places";
                });
    }

    @PostMapping("/places")
    @PreAuthorize(StorageRoles.KEEP)
    String registerUnit(
            @Valid @ModelAttribute("newUnit") NewStorageUnit newUnit,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    PlaceView p = places.registerUnit(newUnit);
                    flash.addFlashAttribute("success", messages.get("storage.place.registered", p.code()));
                    return "redirect:/storage/places/" + p.id();
                },
                () -> pages.placesPage(model));
    }

    /** The place with everything inside it and what each holds: for a storage unit, its freezer map. */
    @GetMapping("/places/{id}")
    @PreAuthorize(StorageRoles.VIEW)
    String place(@PathVariable UUID id, Model model) {
        return pages.placePage(id, model);
    }

    @PostMapping("/places/{id}/places")
    @PreAuthorize(StorageRoles.ADD)
    String addInside(
            @PathVariable UUID id,
            @Valid @ModelAttribute("inside") NewPlaceInside inside,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    PlaceView p = places.addInside(id, inside);
                    flash.addFlashAttribute("success", messages.get("storage.place.added", p.path()));
                    return "redirect:/storage/places/" + id;
                },
                () -> pages.placePage(id, model));
    }

    @PostMapping("/places/{id}/amend")
    @PreAuthorize(StorageRoles.KEEP)
    String amend(
            @PathVariable UUID id,
            @Valid @ModelAttribute("amendment") PlaceAmendment amendment,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    places.amend(id, amendment);
                    flash.addFlashAttribute("success", messages.get("storage.place.amended"));
                    return "redirect:/storage/places/" + id;
                },
                () -> pages.placePage(id, model));
    }

    @PostMapping("/places/{id}/retire")
    @PreAuthorize(StorageRoles.KEEP)
    String retire(
            @PathVariable UUID id,
            @Valid @ModelAttribute("retirement") PlaceRetirement retirement,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    places.retire(id, retirement);
                    flash.addFlashAttribute("success", messages.get("storage.place.retiredDone"));
                    return "redirect:/storage/places/" + id;
                },
                () -> pages.placePage(id, model));
    }

    /** Scan the unit (or a box), scan the place, Enter; the place stays filled in for the next unit. */
    @GetMapping("/put-away")
    @PreAuthorize(StorageRoles.VIEW)
    String putAwayPage(@RequestParam(required = false) String place, Model model) {
        return pages.putAwayPage(place, model);
    }

    @PostMapping("/put-away")
    @PreAuthorize(StorageRoles.PUT_AWAY)
    String putAway(
            @Valid @ModelAttribute("scan") PutAwayScan scan,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    PutAwayResult r = putAway.put(scan);
                    flash.addFlashAttribute(
                            "success",
                            messages.get("storage.putAway.done." + r.kind().name(), r.label(), r.path(), r.units()));
                    return "redirect:"
                            + UriComponentsBuilder.fromPath("/storage/put-away")
                                    .queryParam("place", scan.place().strip())
                                    .encode()
                                    .build()
                                    .toUriString();
                },
                () -> pages.putAwayPage(scan.place(), model));
    }

    /** Where a unit is now and every place it was, by its code as scanned. */
    @GetMapping("/where")
    @PreAuthorize(StorageRoles.VIEW)
    String where(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("code", code == null ? "" : code.strip());
        whereIs(code, model);
        return "storage/where";
    }

    /**
     * Where a unit is now, as a fragment other pages load beside a unit (the pick list's place column): its place's
     * path, or that it is in no place; an unknown code says so.
     */
    @GetMapping("/where/place")
    @PreAuthorize(StorageRoles.VIEW)
    String wherePlace(@RequestParam(required = false) String code, Model model) {
        whereIs(code, model);
        return "storage/where-place :: place";
    }

    /** The released stock storage unit by storage unit, as a fragment the stock page loads. */
    @GetMapping("/stock-by-place")
    @PreAuthorize(StorageRoles.VIEW)
    String stockByPlace(Model model) {
        model.addAttribute("byPlace", stockByPlace.released());
        return "storage/stock-by-place :: byPlace";
    }

    /** The unit the code names, where it is and was; an unknown code is said beside the form, nothing else. */
    private void whereIs(String code, Model model) {
        if (code != null && !code.isBlank()) {
            try {
                model.addAttribute("where", putAway.whereIs(code));
            } catch (RuleViolation refusal) {
                model.addAttribute("whereError", messages.of(refusal));
            }
        }
    }

    @PostMapping("/stock-takes")
    @PreAuthorize(StorageRoles.COUNT)
    String startStockTake(@RequestParam UUID placeId, RedirectAttributes flash) {
        try {
            StockTakeView take = stockTakes.start(placeId);
            return "redirect:/storage/stock-takes/" + take.id();
        } catch (RuleViolation refusal) {
            flash.addFlashAttribute("error", messages.of(refusal));
            return "redirect:/storage/places/" + placeId;
        }
    }

    @GetMapping("/stock-takes/{id}")
    @PreAuthorize(StorageRoles.VIEW)
    String stockTake(@PathVariable UUID id, Model model) {
        return pages.stockTakePage(id, model);
    }

    @PostMapping("/stock-takes/{id}/scans")
    @PreAuthorize(StorageRoles.COUNT)
    String scan(
            @PathVariable UUID id,
            @Valid @ModelAttribute("stockScan") StorageForms.StockTakeScan stockScan,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    stockTakes.scan(id, stockScan.code());
                    return "redirect:/storage/stock-takes/" + id;
                },
                () -> pages.stockTakePage(id, model));
    }

    @PostMapping("/stock-takes/{id}/finish")
    @PreAuthorize(StorageRoles.COUNT)
    String finish(@PathVariable UUID id, RedirectAttributes flash) {
        try {
            StockTakeView take = stockTakes.finish(id);
            flash.addFlashAttribute(
                    "success",
                    messages.get(
                            "storage.stockTake.finishedDone", take.differences().size()));
        } catch (RuleViolation refusal) {
            flash.addFlashAttribute("error", messages.of(refusal));
        }
        return "redirect:/storage/stock-takes/" + id;
    }

    @PostMapping("/stock-takes/{id}/differences/{differenceId}")
    @PreAuthorize(StorageRoles.COUNT)
    String explain(
            @PathVariable UUID id,
            @PathVariable UUID differenceId,
            @Valid @ModelAttribute("explanation") StockTakeExplanation explanation,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        model.addAttribute("explaining", differenceId);
        return forms.submit(
                result,
                () -> {
                    stockTakes.explain(id, differenceId, explanation);
                    flash.addFlashAttribute("success", messages.get("storage.stockTake.explained"));
                    return "redirect:/storage/stock-takes/" + id;
                },
                () -> pages.stockTakePage(id, model));
    }
}
