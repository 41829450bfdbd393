package org.openmilkbank.inventory.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.inventory.Thawing;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.traceability.HoldView;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.Traceability;
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

/** The stock pages: what is released (first to expire first), what waits in quarantine, one bottle. */
@Controller
@RequestMapping("/bottles")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'DISPENSER', 'MANAGER')")
class BottleController {

    private final Inventory inventory;
    private final History history;
    private final Messages messages;
    private final Clock clock;
    private final Holds holds;
    private final Traceability traceability;
    private final Forms forms;
    private final Thawing thawing;

    BottleController(
            Thawing thawing,
            Inventory inventory,
            History history,
            Messages messages,
            Clock clock,
            Holds holds,
            Traceability traceability,
            Forms forms) {
        this.thawing = thawing;
        this.traceability = traceability;
        this.forms = forms;
        this.holds = holds;
        this.inventory = inventory;
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    /** A row of the stock tables: the bottle, its DIN with check character, the days it has left and its holds. */
    record BottleRow(BottleView bottle, String dinWithCheck, long daysLeft, List<HoldView> holds) {}

    @GetMapping
    String stock(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        // both stock lists turn the same page, first to expire first; each pager shows its own total
        PageRequest request = PageRequest.of(page, size);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        List<BottleView> released = inventory.inState(BottleState.RELEASED);
        List<BottleView> quarantined = inventory.inState(BottleState.QUARANTINE);
        List<BottleView> onShelf = new java.util.ArrayList<>(released);
        onShelf.addAll(quarantined);
        // one query for the holds of every bottle on the shelf
        Map<UUID, List<HoldView>> held =
                holds.activeOn(onShelf.stream().map(BottleView::id).toList());
        Paged<BottleView> releasedPage = Paged.slice(inventory.dispensable(today), request);
        Paged<BottleView> quarantinePage = Paged.slice(quarantined, request);
        model.addAttribute("releasedPaged", releasedPage);
        model.addAttribute("quarantinePaged", quarantinePage);
        model.addAttribute("released", rows(releasedPage.items(), today, held));
        model.addAttribute(
                "expired",
                rows(
                        released.stream()
                                .filter(b -> b.expiresOn().isBefore(today))
                                .toList(),
                        today,
                        held));
        model.addAttribute("quarantine", rows(quarantinePage.items(), today, held));
        model.addAttribute(
                "held",
                rows(onShelf.stream().filter(b -> heldBeyondQuarantine(b, held)).toList(), today, held));
        model.addAttribute(
                "counts",
                Map.of(
                        BottleState.RELEASED, inventory.dispensable(today).size(),
                        BottleState.QUARANTINE,
                                inventory.inState(BottleState.QUARANTINE).size()));
        return "inventory/bottles";
    }

    /** The scan box: a scanned code opens the bottle's page. */
    @GetMapping("/find")
    String find(@RequestParam String din) {
        return "redirect:/bottles/" + Din.parse(din).withCheck();
    }

    @GetMapping("/{din}")
    String bottle(@PathVariable String din, Model model, RedirectAttributes flash) {
        Din parsed = Din.parse(din);
        var found = inventory.findByDin(parsed.value());
        if (found.isEmpty()) {
            // back to the scan box with the reason, so the person can scan the next code at once
            flash.addFlashAttribute("error", messages.get("inventory.bottle.notFound", parsed.withCheck()));
            return "redirect:/bottles";
        }
        return bottlePage(found.get(), model);
    }

    private String bottlePage(BottleView bottle, Model model) {
        LocalDate today = LocalDate.now(clock);
        List<HoldView> holdsOn = holds.activeOn(bottle.id());
        model.addAttribute("row", row(bottle, today, Map.of(bottle.id(), holdsOn)));
        model.addAttribute("holds", holdsOn);
        model.addAttribute("bottle", bottle);
        model.addAttribute("expired", bottle.expiredAt(java.time.Instant.now(clock), clock.getZone()));
        model.addAttribute("endsAt", bottle.endsAt(clock.getZone()));
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("history", history.of("Bottle", bottle.id()));
        // the infant(s) who received it, from the lineage: inventory knows nothing of dispensing
        model.addAttribute("receivedBy", traceability.receivedBy(bottle.id()));
        if (!model.containsAttribute("discard")) {
            model.addAttribute("discard", new DiscardForm(null));
        }
        if (!model.containsAttribute("thaw")) {
            model.addAttribute("thaw", new ThawForm(null, null));
        }
        if (!model.containsAttribute("warm")) {
            model.addAttribute("warm", new WarmForm(null));
        }
        return "inventory/bottle";
    }

    /** Discards the bottle with the reason typed; a refused or empty reason comes back beside the field. */
    @PostMapping("/{din}/discard")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String discard(
            @PathVariable String din,
            @Valid @ModelAttribute("discard") DiscardForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        Din parsed = Din.parse(din);
        BottleView found = inventory
                .findByDin(parsed.value())
                .orElseThrow(() -> new NotFound("inventory.bottle.notFound", parsed.withCheck()));
        return forms.submit(
                result,
                () -> {
                    BottleView bottle = inventory.discardBottle(din, form.reason());
                    String shown = Din.parse(bottle.din()).withCheck();
                    flash.addFlashAttribute("success", messages.get("inventory.bottle.discardedOk", shown));
                    return "redirect:/bottles/" + shown;
                },
                () -> bottlePage(found, model));
    }

    /** Records the bottle's thaw (how and when): its expiry becomes the thaw clock's when that is earlier. */
    @PostMapping("/{din}/thaw")
    @PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'DISPENSER')")
    String thaw(
            @PathVariable String din,
            @Valid @ModelAttribute("thaw") ThawForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        BottleView found = found(din);
        return forms.submit(
                result,
                () -> {
                    BottleView bottle = thawing.thaw(din, form.method(), instant(form.at(), clock));
                    return done(bottle, "inventory.thaw.done", flash);
                },
                () -> bottlePage(found, model));
    }

    /** Records the thawed bottle's warming for a feed: its expiry becomes the warmed clock's when that is earlier. */
    @PostMapping("/{din}/warm")
    @PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'DISPENSER')")
    String warm(
            @PathVariable String din,
            @Valid @ModelAttribute("warm") WarmForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        BottleView found = found(din);
        return forms.submit(
                result,
                () -> done(thawing.warm(din, instant(form.at(), clock)), "inventory.warm.done", flash),
                () -> bottlePage(found, model));
    }

    private BottleView found(String din) {
        Din parsed = Din.parse(din);
        return inventory
                .findByDin(parsed.value())
                .orElseThrow(() -> new NotFound("inventory.bottle.notFound", parsed.withCheck()));
    }

    private String done(BottleView bottle, String key, RedirectAttributes flash) {
        String shown = Din.parse(bottle.din()).withCheck();
        java.time.Instant end = bottle.endsAt(clock.getZone());
        flash.addFlashAttribute(
                "success",
                messages.get(
                        key,
                        shown,
                        end.atZone(clock.getZone()).toLocalDate(),
                        org.openmilkbank.traceability.ExpiryMoment.time(end, clock.getZone())));
        return "redirect:/bottles/" + shown;
    }

    /** A time typed in the bank's time zone as a moment; none typed is now. */
    static java.time.Instant instant(java.time.LocalDateTime at, Clock clock) {
        return at == null ? null : at.atZone(clock.getZone()).toInstant();
    }

    /**
     * Held for more than the culture every quarantined bottle waits for: a donor block, a recall, an expiry. The
     * quarantine list already shows bottles whose only hold is their pending culture.
     */
    private static boolean heldBeyondQuarantine(BottleView bottle, Map<UUID, List<HoldView>> held) {
        return held.getOrDefault(bottle.id(), List.of()).stream()
                .anyMatch(h -> bottle.state() != BottleState.QUARANTINE
                        || h.kind() != org.openmilkbank.traceability.HoldKind.CULTURE);
    }

    private static List<BottleRow> rows(List<BottleView> bottles, LocalDate today, Map<UUID, List<HoldView>> held) {
        return bottles.stream().map(b -> row(b, today, held)).toList();
    }

    private static BottleRow row(BottleView b, LocalDate today, Map<UUID, List<HoldView>> held) {
        return new BottleRow(
                b,
                Din.parse(b.din()).withCheck(),
                ChronoUnit.DAYS.between(today, b.expiresOn()),
                held.getOrDefault(b.id(), List.of()));
    }
}
