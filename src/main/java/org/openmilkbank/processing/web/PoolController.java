package org.openmilkbank.processing.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolNutritions;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.processing.PoolVolumes;
import org.openmilkbank.processing.RemainderReason;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.HoldView;
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

/** Pool pages: the list by state, the scanner page that builds a pool, and one pool with its culture. */
@Controller
@RequestMapping("/pools")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER')")
class PoolController {

    private final PoolManagement pools;
    private final PoolNutritions nutritions;
    private final Standards standards;
    private final History history;
    private final Messages messages;
    private final Clock clock;
    private final Forms forms;
    private final PoolVolumes volumes;

    PoolController(
            PoolManagement pools,
            Standards standards,
            History history,
            Messages messages,
            Clock clock,
            Forms forms,
            PoolNutritions nutritions,
            PoolVolumes volumes) {
        this.volumes = volumes;
        this.nutritions = nutritions;
        this.forms = forms;
        this.pools = pools;
        this.clock = clock;
        this.standards = standards;
        this.history = history;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        List<PoolView> all = pools.list(null);
        // one query for every pool's active holds: a held pool shows its holds beside its state
        Map<UUID, List<HoldView>> holds =
                pools.activeHolds(all.stream().map(PoolView::id).toList());
        model.addAttribute("holds", holds);
        model.addAttribute("awaiting", inState(all, PoolState.AWAITING_PRE_CULTURE));
        model.addAttribute("ready", inState(all, PoolState.READY));
        // the work queues above are shown whole; the finished pools grow without end and are paged, newest first
        Paged<PoolView> finished = Paged.slice(
                all.stream()
                        .filter(p -> p.state() == PoolState.PASTEURISED || p.state() == PoolState.DISCARDED)
                        .toList(),
                PageRequest.of(page, size));
        model.addAttribute("paged", finished);
        model.addAttribute("pasteurised", inState(finished.items(), PoolState.PASTEURISED));
        model.addAttribute("discarded", inState(finished.items(), PoolState.DISCARDED));
        model.addAttribute(
                "pasteurisedTotal", inState(all, PoolState.PASTEURISED).size());
        model.addAttribute("discardedTotal", inState(all, PoolState.DISCARDED).size());
        model.addAttribute(
                "held",
                all.stream()
                        .filter(p -> p.state() != PoolState.DISCARDED)
                        .filter(p -> !holds.getOrDefault(p.id(), List.of()).isEmpty())
                        .toList());
        return "processing/pools";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String newPool(Model model) {
        return newPoolPage(List.of(), model);
    }

    private String newPoolPage(List<RawContainerView> containers, Model model) {
        if (!model.containsAttribute("pool")) {
            model.addAttribute("pool", PoolForm.blank());
        }
        scanned(model, containers);
        return "processing/new";
    }

    /**
     * One scan: the whole list is re-checked with the new container; a container that does not fit is refused beside
     * the list (naming it and why), and the list scanned so far is kept.
     */
    @PostMapping("/new/scan")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String scan(@Valid @ModelAttribute("pool") PoolForm pool, BindingResult result, Model model) {
        return forms.submit(
                result,
                () -> {
                    List<RawContainerView> next = pools.resolveForPool(pool.withScan());
                    scanned(model, next);
                    return "processing/new :: scanned";
                },
                () -> {
                    scanned(model, stillValid(pool.dins()));
                    return "processing/new :: scanned";
                });
    }

    @PostMapping("/new/remove")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String remove(@RequestParam String remove, @ModelAttribute("pool") PoolForm pool, Model model) {
        String removed = Din.parse(remove).value();
        List<String> rest = pool.dins().stream()
                .filter(d -> !Din.parse(d).value().equals(removed))
                .toList();
        scanned(model, stillValid(rest));
        return "processing/new :: scanned";
    }

    /**
     * Creates the pool, made now or at the time typed in "Made at" (a pool recorded after the fact); a refusal
     * redraws the page with the scanned containers and the time as typed, the reason beside the field it is about.
     */
    @PostMapping
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String create(
            @Valid @ModelAttribute("pool") PoolForm pool, BindingResult result, Model model, RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    PoolView created = pools.createPoolFromDins(pool.dins(), madeAt(pool.madeAt()));
                    flash.addFlashAttribute("success", messages.get("processing.pool.created", created.dinWithCheck()));
                    return "redirect:/pools/" + created.id();
                },
                () -> newPoolPage(stillValid(pool.dins()), model));
    }

    /** The "Made at" field: a local date and time in the bank's zone; empty means now. */
    private Instant madeAt(String typed) {
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RuleViolation("processing.pool.madeAt.notATime", typed).on(PoolManagement.MADE_AT);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        return poolPage(id, model);
    }

    private String poolPage(UUID id, Model model) {
        PoolView pool = pools.find(id).orElseThrow(() -> new NotFound("processing.pool.notFound", id));
        model.addAttribute("pool", pool);
        model.addAttribute("holds", pools.activeHolds(id));
        model.addAttribute("nutrition", nutritions.of(pool));
        model.addAttribute("profile", standards.activeProfile());
        model.addAttribute("history", history.of("Pool", id));
        if (!model.containsAttribute("discard")) {
            model.addAttribute("discard", Reason.blank());
        }
        // the pool's volume account: pooled = bottled + sampled + discarded + left, each movement with who and when
        model.addAttribute("volume", volumes.of(id));
        model.addAttribute("remainderReasons", RemainderReason.chosen());
        if (!model.containsAttribute("closeForm")) {
            model.addAttribute("closeForm", CloseForm.blank());
        }
        return "processing/pool";
    }

    @PostMapping("/{id}/discard")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String discard(
            @PathVariable UUID id,
            @Valid @ModelAttribute("discard") Reason reason,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    PoolView pool = pools.discard(id, reason.reason());
                    flash.addFlashAttribute(
                            "success", messages.get("processing.pool.discardedOk", pool.dinWithCheck()));
                    return "redirect:/pools/" + id;
                },
                () -> poolPage(id, model));
    }

    /** Closes a pool runs bottled part of: the rest is discarded with the reason and the pool is pasteurised. */
    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String close(
            @PathVariable UUID id,
            @Valid @ModelAttribute("closeForm") CloseForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    volumes.close(id, form.reason(), form.note());
                    PoolView pool = pools.find(id).orElseThrow();
                    flash.addFlashAttribute("success", messages.get("processing.volume.closedOk", pool.dinWithCheck()));
                    return "redirect:/pools/" + id;
                },
                () -> poolPage(id, model));
    }

    private static List<PoolView> inState(List<PoolView> all, PoolState state) {
        return all.stream().filter(p -> p.state() == state).toList();
    }

    /** A scanned container and its DIN as printed beside the barcode. */
    record ScannedRow(RawContainerView container, String dinWithCheck) {}

    private void scanned(Model model, List<RawContainerView> containers) {
        int maxDonors = standards.activeProfile().poolMaxDonors();
        model.addAttribute(
                "containers",
                containers.stream()
                        .map(c -> new ScannedRow(c, Din.parse(c.din()).withCheck()))
                        .toList());
        model.addAttribute(
                "donorCount",
                new HashSet<>(containers.stream().map(RawContainerView::donorId).toList()).size());
        model.addAttribute("maxDonors", maxDonors);
        model.addAttribute(
                "totalMl",
                containers.stream().mapToInt(RawContainerView::volumeMl).sum());
    }

    /**
     * The containers scanned before, as far as they are still usable (another pool may have taken one): the whole list
     * when it still fits, else each container that still fits on its own.
     */
    private List<RawContainerView> stillValid(List<String> dins) {
        if (dins.isEmpty()) {
            return List.of();
        }
        try {
            return pools.resolveForPool(dins);
        } catch (RuleViolation e) {
            List<RawContainerView> usable = new java.util.ArrayList<>();
            for (String din : new java.util.LinkedHashSet<>(dins)) {
                try {
                    usable.addAll(pools.resolveForPool(List.of(din)));
                } catch (RuleViolation refused) {
                    // named in the reason beside the list
                }
            }
            return usable;
        }
    }
}
