package org.openmilkbank.reporting.dhis2.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.UUID;
import org.openmilkbank.reporting.dhis2.Dhis2Forms;
import org.openmilkbank.reporting.dhis2.Dhis2Mapping;
import org.openmilkbank.reporting.dhis2.Dhis2Month;
import org.openmilkbank.reporting.dhis2.Dhis2Push;
import org.openmilkbank.reporting.dhis2.Dhis2Pushes;
import org.openmilkbank.reporting.dhis2.Dhis2Settings;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
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

/** The DHIS2 page: the connection, the mapping, a month's values with its downloads and pushes, and their record. */
@Controller
@RequestMapping("/reports/dhis2")
@PreAuthorize(Dhis2Roles.VIEW)
class Dhis2Controller {

    private final Dhis2Settings settings;
    private final Dhis2Pushes pushes;
    private final Dhis2Pages pages;
    private final Forms forms;
    private final Messages messages;
    private final Clock clock;

    Dhis2Controller(
            Dhis2Settings settings, Dhis2Pushes pushes, Dhis2Pages pages, Forms forms, Messages messages, Clock clock) {
        this.settings = settings;
        this.pushes = pushes;
        this.pages = pages;
        this.forms = forms;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(Dhis2Roles.VIEW)
    String home(
            @RequestParam(required = false) String month, @RequestParam(required = false) Integer page, Model model) {
        return pages.homePage(month, page, model);
    }

    @PostMapping("/connection")
    @PreAuthorize(Dhis2Roles.CONNECT)
    String connect(
            @Valid @ModelAttribute("connectionForm") Dhis2Forms.ConnectionForm connectionForm,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    settings.saveConnection(connectionForm);
                    flash.addFlashAttribute("success", messages.get("reporting.dhis2.connection.saved"));
                    return "redirect:/reports/dhis2";
                },
                // the page draws the password field empty: a password typed never comes back in a page
                () -> pages.homePage(null, null, model));
    }

    @PostMapping("/mappings")
    @PreAuthorize(Dhis2Roles.MAP)
    String map(
            @Valid @ModelAttribute("mapping") Dhis2Forms.MappingForm mapping,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    Dhis2Mapping row = settings.map(mapping);
                    flash.addFlashAttribute(
                            "success", messages.get("reporting.dhis2.mapping.saved", row.dataElement()));
                    return "redirect:/reports/dhis2";
                },
                () -> pages.homePage(null, null, model));
    }

    /** The mapping as a CSV a bank can check in a spreadsheet or keep with its DHIS2 documents. */
    @GetMapping(value = "/mappings.csv", produces = "text/csv")
    @PreAuthorize(Dhis2Roles.VIEW)
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<byte[]> mappingCsv() {
        org.openmilkbank.shared.web.Csv csv = org.openmilkbank.shared.web.Csv.withHeader(
                messages.get("reporting.dhis2.csv.indicatorCode"),
                messages.get("reporting.dhis2.field.indicator"),
                messages.get("reporting.dhis2.csv.breakdownCode"),
                messages.get("reporting.dhis2.field.breakdown"),
                messages.get("reporting.dhis2.field.dataElement"),
                messages.get("reporting.dhis2.field.coc"),
                messages.get("reporting.dhis2.field.adx"),
                messages.get("reporting.dhis2.col.state"),
                messages.get("reporting.dhis2.csv.createdBy"),
                messages.get("reporting.dhis2.csv.createdOn"),
                messages.get("reporting.dhis2.csv.voidReason"));
        for (Dhis2Mapping m : settings.allMappings()) {
            csv.row(
                    m.indicatorCode(),
                    messages.get("report.indicator." + m.indicatorCode() + ".name"),
                    m.breakdown() == null ? "" : m.breakdown(),
                    m.breakdown() == null
                            ? messages.get("reporting.dhis2.total")
                            : messages.get("report.breakdown." + m.breakdown()),
                    m.dataElement(),
                    m.categoryOptionCombo() == null ? "" : m.categoryOptionCombo(),
                    m.adxDisaggregation() == null ? "" : m.adxDisaggregation(),
                    messages.get(
                            m.inForce() ? "reporting.dhis2.mapping.inForce" : "reporting.dhis2.mapping.voidedState"),
                    m.createdBy(),
                    m.createdAt().atZone(clock.getZone()).toLocalDate().toString(),
                    m.voidReason() == null ? "" : m.voidReason());
        }
        return csv.download("dhis2-mapping.csv");
    }

    @GetMapping("/mappings/{id}")
    @PreAuthorize(Dhis2Roles.VIEW)
    String mappingRow(@PathVariable UUID id, Model model) {
        return pages.mappingPage(id, model);
    }

    @PostMapping("/mappings/{id}/amendment")
    @PreAuthorize(Dhis2Roles.MAP)
    String amend(
            @PathVariable UUID id,
            @Valid @ModelAttribute("amendment") Dhis2Forms.MappingAmendment amendment,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onMapping(
                id, result, model, flash, "reporting.dhis2.mapping.amended", () -> settings.amend(id, amendment));
    }

    @PostMapping("/mappings/{id}/void")
    @PreAuthorize(Dhis2Roles.MAP)
    String voidRow(
            @PathVariable UUID id,
            @Valid @ModelAttribute("voiding") Dhis2Forms.VoidForm voiding,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onMapping(
                id,
                result,
                model,
                flash,
                "reporting.dhis2.mapping.voidedDone",
                () -> settings.voidMapping(id, voiding.reason()));
    }

    /** One step on a mapping row from its page: done, its page again saying so; refused, its page with the reasons. */
    private String onMapping(
            UUID id, BindingResult result, Model model, RedirectAttributes flash, String done, Runnable step) {
        return forms.submit(
                result,
                () -> {
                    step.run();
                    flash.addFlashAttribute("success", messages.get(done));
                    return "redirect:/reports/dhis2/mappings/" + id;
                },
                () -> pages.mappingPage(id, model));
    }

    /** A dry run, or the real push after one; the answer's summary is on the push's page. */
    @PostMapping("/push")
    @PreAuthorize(Dhis2Roles.PUSH)
    String push(
            @Valid @ModelAttribute("push") Dhis2Bodies.PushForm push,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    Dhis2Push done = pushes.push(Dhis2Month.parse(push.month(), clock), push.dryRun());
                    flash.addFlashAttribute(
                            done.status().succeeded() ? "success" : "error",
                            messages.get(
                                    done.dryRun() ? "reporting.dhis2.push.dryRunDone" : "reporting.dhis2.push.done",
                                    done.month(),
                                    Said.label(done.status())));
                    return "redirect:/reports/dhis2/pushes/" + done.id();
                },
                () -> pages.homePage(push.month(), null, model));
    }

    @GetMapping("/pushes")
    @PreAuthorize(Dhis2Roles.VIEW)
    String pushList(@RequestParam(required = false) Integer page, Model model) {
        return pages.pushesPage(page, model);
    }

    @GetMapping("/pushes/{id}")
    @PreAuthorize(Dhis2Roles.VIEW)
    String pushRecord(@PathVariable UUID id, Model model) {
        return pages.pushPage(id, model);
    }
}
