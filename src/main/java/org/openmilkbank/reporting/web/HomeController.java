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
        DashboardCards cards = DashboardCards.forRoles(DashboardApiController.roles(authentication));
        model.addAttribute("cards", cards);
        model.addAttribute("dashboard", cards.filter(reporting.dashboard()));
        model.addAttribute("dueWithinDays", Dashboard.DUE_WITHIN_DAYS);
        return "reporting/home";
    }
}
