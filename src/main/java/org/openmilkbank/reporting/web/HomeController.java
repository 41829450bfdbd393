package org.openmilkbank.reporting.web;

import org.openmilkbank.reporting.Reporting;
import org.springframework.security.access.prepost.PreAuthorize;
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
    String home(Model model) {
        model.addAttribute("dashboard", reporting.dashboard());
        return "reporting/home";
    }
}
