package org.openmilkbank.traceability.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.traceability.CodeLookup;
import org.openmilkbank.traceability.LookBacks;
import org.openmilkbank.traceability.Traceability;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Look-back and trace-forward pages: one scan of a donor code, infant code or DIN opens its trace. */
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
            case CONTAINER, POOL, BOTTLE ->
                "redirect:/trace/dins/" + Din.parse(m.din()).withCheck();
        };
    }

    @GetMapping("/donors/{id}")
    String donor(@PathVariable UUID id, Model model) {
        model.addAttribute("trace", traceability.fromDonor(id));
        return "traceability/donor";
    }

    /** The printable look-back of a donor: every pool, bottle and infant her milk reached, with its state now. */
    @GetMapping("/donors/{id}/look-back")
    String lookBack(@PathVariable UUID id, Model model) {
        model.addAttribute("lookBack", lookBacks.forDonor(id));
        return "traceability/look-back";
    }

    /** Every block on a donor's milk in the bank, with its reason. */
    @GetMapping("/blocks")
    String blocks(Model model) {
        model.addAttribute("blocks", lookBacks.blocks());
        return "traceability/blocks";
    }

    @GetMapping("/infants/{id}")
    String infant(@PathVariable UUID id, Model model) {
        model.addAttribute("trace", traceability.fromInfant(id));
        return "traceability/infant";
    }

    @GetMapping("/dins/{din}")
    String din(@PathVariable String din, Model model) {
        model.addAttribute("trace", traceability.fromDin(din));
        return "traceability/din";
    }
}
