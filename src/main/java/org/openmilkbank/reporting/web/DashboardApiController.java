package org.openmilkbank.reporting.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.openmilkbank.reporting.Dashboard;
import org.openmilkbank.reporting.DashboardCards;
import org.openmilkbank.reporting.Reporting;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Today's work over JSON: the cards of the caller's roles only, as on her home page; the others are null. */
@RestController
class DashboardApiController {

    private final Reporting reporting;

    DashboardApiController(Reporting reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/api/v1/dashboard")
    @PreAuthorize("isAuthenticated()")
    Dashboard dashboard(Authentication authentication) {
        return DashboardCards.forRoles(roles(authentication)).filter(reporting.dashboard());
    }

    static Set<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toUnmodifiableSet());
    }
}
