package org.openmilkbank.reporting.web;

import org.openmilkbank.reporting.Dashboard;
import org.openmilkbank.reporting.DashboardCards;
import org.openmilkbank.reporting.Reporting;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Today's work for whoever signs in: the cards of their roles. */
@Controller
class HomeController {

    private final Reporting reporting;

    HomeController(Reporting reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Authentication authentication, Model model) {
        if (isHubCoordinatorOnly(authentication)) {
            // the network's coordinator has no bank work: her home is the hub's register of banks
            return "redirect:/hub/banks";
        }
        DashboardCards cards = DashboardCards.forRoles(DashboardApiController.roles(authentication));
        model.addAttribute("cards", cards);
        model.addAttribute("dashboard", cards.filter(reporting.dashboard()));
        model.addAttribute("dueWithinDays", Dashboard.DUE_WITHIN_DAYS);
        return "reporting/home";
    }

    /** A NETWORK_COORDINATOR with none of a bank's working roles. */
    static boolean isHubCoordinatorOnly(Authentication authentication) {
        java.util.Set<String> roles = authentication.getAuthorities().stream()
                .map(org.springframework.security.core.GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toSet());
        return roles.contains("ROLE_NETWORK_COORDINATOR")
                && java.util.stream.Stream.of("DONOR_COORDINATOR", "LAB_TECHNICIAN", "DISPENSER", "NURSE", "MANAGER")
                        .noneMatch(r -> roles.contains("ROLE_" + r));
    }
}
