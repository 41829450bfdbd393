package org.openmilkbank.traceability.web;

import org.openmilkbank.shared.NotFound;
import org.openmilkbank.traceability.CodeLookup;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The navigation bar's scan box: any label or code opens its record's page (which checks its own role). */
@Controller
class ScanController {

    private final CodeLookup lookup;

    ScanController(CodeLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/scan")
    @PreAuthorize("isAuthenticated()")
    String scan(@RequestParam(name = "code", required = false) String code) {
        if (code == null || code.isBlank()) {
            throw new NotFound("scan.empty");
        }
        var match = lookup.find(code).orElseThrow(() -> new NotFound("scan.notFound", code.strip()));
        return switch (match.kind()) {
            case CONTAINER -> "redirect:/containers/" + match.label();
            case POOL -> "redirect:/pools/" + match.id();
            case RUN -> "redirect:/runs/" + match.id();
            case BOTTLE -> "redirect:/bottles/" + match.label();
            case DONOR -> "redirect:/donors/" + match.id();
            case INFANT -> "redirect:/infants/" + match.id();
        };
    }
}
