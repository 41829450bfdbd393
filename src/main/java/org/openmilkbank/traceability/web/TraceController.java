package org.openmilkbank.traceability.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.traceability.CodeLookup;
import org.openmilkbank.traceability.LookBacks;
import org.openmilkbank.traceability.Traceability;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Trace and look-back pages: one scan of a donor code, infant code, DIN or run code opens its trace. */
@Controller
@RequestMapping("/trace")
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN', 'DONOR_COORDINATOR', 'LAB_TECHNICIAN')")
class TraceController {

    private final Traceability traceability;
    private final LookBacks lookBacks;
    private final CodeLookup lookup;
    private final Messages messages;

    TraceController(Traceability traceability, LookBacks lookBacks, CodeLookup lookup, Messages messages) {
        this.traceability = traceability;
        this.lookBacks = lookBacks;
        this.lookup = lookup;
        this.messages = messages;
    }

    @GetMapping
    String trace(
            @RequestParam(name = "code", required = false) String code, Model model, HttpServletResponse response) {
        if (code == null || code.isBlank()) {
            return "traceability/trace";
        }
        var match = lookup.find(code);
        if (match.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("code", code.strip());
            model.addAttribute("error", messages.get("trace.code.notFound", code.strip()));
            return "traceability/trace";
        }
        var m = match.get();
        return switch (m.kind()) {
            case DONOR -> "redirect:/trace/donors/" + m.id();
            case INFANT -> "redirect:/trace/infants/" + m.id();
            case CONTAINER, POOL, RUN, BOTTLE -> "redirect:/trace/dins/" + m.label();
        };
    }

    @GetMapping("/donors/{id}")
    String donor(@PathVariable UUID id, Model model) {
        model.addAttribute("trace", traceability.fromDonor(id));
        return "traceability/donor";
    }

    /** The printable look-back of a donor: each hold on her milk, every unit it concerns, every infant fed. */
    @GetMapping("/donors/{id}/look-back")
    String lookBack(@PathVariable UUID id, Model model) {
        model.addAttribute("lookBack", lookBacks.forDonor(id));
        return "traceability/look-back";
    }

    /** Every hold on a donor's milk window in the bank: active first, ended ones with their outcome. */
    @GetMapping("/blocks")
    String blocks(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        Paged<?> paged = Paged.slice(lookBacks.blocks(), PageRequest.of(page, size));
        model.addAttribute("paged", paged);
        model.addAttribute("blocks", paged.items());
        return "traceability/blocks";
    }

    @GetMapping("/infants/{id}")
    String infant(@PathVariable UUID id, Model model) {
        model.addAttribute("trace", traceability.fromInfant(id));
        return "traceability/infant";
    }

    /** A unit by its DIN as scanned, or a run by its code. */
    @GetMapping("/dins/{din}")
    String din(@PathVariable String din, Model model) {
        model.addAttribute("trace", traceability.fromUnit(din));
        return "traceability/din";
    }

    /** A unit's lineage in time order; the unit pages include it as an htmx fragment. */
    @GetMapping("/units/{unit}/lineage")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN', 'DONOR_COORDINATOR', 'LAB_TECHNICIAN', 'DISPENSER')")
    String lineage(
            @PathVariable String unit, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("lineage", traceability.lineage(unit));
        return htmx != null ? "traceability/lineage :: lineage" : "traceability/lineage";
    }
}
