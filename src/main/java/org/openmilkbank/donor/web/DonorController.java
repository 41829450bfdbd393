package org.openmilkbank.donor.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.NewDonor;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.standards.Standards;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The donor coordinator's pages: find or register a donor, correct her details, record her serology. */
@Controller
@RequestMapping("/donors")
@PreAuthorize(DonorController.VIEW)
class DonorController {

    static final String VIEW = "hasAnyRole('DONOR_COORDINATOR', 'MANAGER', 'ADMIN')";
    static final String ACT = "hasRole('DONOR_COORDINATOR')";

    private final DonorManagement donors;
    private final Standards standards;
    private final History history;
    private final Messages messages;
    private final Clock clock;

    DonorController(DonorManagement donors, Standards standards, History history, Messages messages, Clock clock) {
        this.donors = donors;
        this.standards = standards;
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    String list(@RequestParam(required = false) String q, Model model) {
        // a scanned donor code goes straight to her page
        if (q != null && !q.isBlank()) {
            var exact = donors.findByCode(q);
            if (exact.isPresent()) {
                return "redirect:/donors/" + exact.get().id();
            }
        }
        model.addAttribute("q", q);
        model.addAttribute("donors", donors.search(q));
        return "donor/donors";
    }

    @PostMapping
    @PreAuthorize(ACT)
    String register(
            @RequestParam(required = false) String givenName,
            @RequestParam(required = false) String familyName,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String address,
            RedirectAttributes flash) {
        DonorView donor = donors.register(new NewDonor(givenName, familyName, birthDate, phone, address));
        flash.addFlashAttribute("success", messages.get("donor.registeredFlash", donor.code(), donor.fullName()));
        return "redirect:/donors/" + donor.id();
    }

    @GetMapping("/{id}")
    @PreAuthorize(VIEW)
    String show(@PathVariable UUID id, Model model) {
        DonorView donor = load(id);
        model.addAttribute("donor", donor);
        model.addAttribute("history", history.of(DonorManagement.RECORD_TYPE, id));
        addSerology(model, id);
        addEligibility(model, id, LocalDate.now(clock));
        return "donor/donor";
    }

    @PostMapping("/{id}/correct")
    @PreAuthorize(ACT)
    String correct(
            @PathVariable UUID id,
            @RequestParam(required = false) String givenName,
            @RequestParam(required = false) String familyName,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        donors.correct(id, new NewDonor(givenName, familyName, birthDate, phone, address), reason);
        flash.addFlashAttribute("success", messages.get("donor.corrected"));
        return "redirect:/donors/" + id;
    }

    @PostMapping("/{id}/serology")
    @PreAuthorize(ACT)
    String recordSerology(
            @PathVariable UUID id,
            @RequestParam(required = false) String test,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sampleDate,
            @RequestParam(required = false) SerologyOutcome outcome,
            @RequestParam(required = false) String labReference,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        if (htmx == null) {
            var result = donors.recordSerology(id, test, sampleDate, outcome, labReference);
            flash.addFlashAttribute(
                    "success", messages.get("donor.serology.recorded", result.test(), result.sampleDate()));
            return "redirect:/donors/" + id;
        }
        // htmx: redraw the serology card in place, and tell the eligibility panel to refresh itself
        load(id);
        try {
            var result = donors.recordSerology(id, test, sampleDate, outcome, labReference);
            model.addAttribute(
                    "serologySuccess", messages.get("donor.serology.recorded", result.test(), result.sampleDate()));
            response.setHeader("HX-Trigger", "serology-changed");
        } catch (RuleViolation e) {
            model.addAttribute("serologyError", messages.of(e));
        }
        model.addAttribute("donor", load(id));
        addSerology(model, id);
        return "donor/donor :: serology";
    }

    @PostMapping("/{id}/serology/{resultId}/void")
    @PreAuthorize(ACT)
    String voidSerology(
            @PathVariable UUID id,
            @PathVariable UUID resultId,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        boolean belongsToDonor = donors.serology(id).stream().anyMatch(r -> r.id().equals(resultId));
        if (!belongsToDonor) {
            throw new NotFound("donor.serology.notFound", resultId);
        }
        donors.voidSerology(resultId, reason);
        flash.addFlashAttribute("success", messages.get("donor.serology.voidedFlash"));
        return "redirect:/donors/" + id;
    }

    @GetMapping("/{id}/eligibility")
    @PreAuthorize(VIEW)
    String eligibility(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        model.addAttribute("donor", load(id));
        addEligibility(model, id, date == null ? LocalDate.now(clock) : date);
        return "donor/donor :: eligibility";
    }

    private void addSerology(Model model, UUID id) {
        model.addAttribute("serology", donors.serology(id));
        model.addAttribute("panel", standards.activeProfile().serologyPanel());
        model.addAttribute("outcomes", SerologyOutcome.values());
        model.addAttribute("today", LocalDate.now(clock));
    }

    private void addEligibility(Model model, UUID id, LocalDate date) {
        model.addAttribute("eligibility", EligibilityPanel.of(donors.eligibilityOn(id, date), messages));
        model.addAttribute("today", LocalDate.now(clock));
    }

    private DonorView load(UUID id) {
        return donors.find(id).orElseThrow(() -> new NotFound("donor.notFound", id));
    }
}
