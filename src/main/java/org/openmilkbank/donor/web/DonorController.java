package org.openmilkbank.donor.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.donor.DeferralCategory;
import org.openmilkbank.donor.DonorBackground;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorStatus;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.HealthRead;
import org.openmilkbank.donor.InterviewMode;
import org.openmilkbank.donor.NewDeferral;
import org.openmilkbank.donor.NewDonor;
import org.openmilkbank.donor.NewScreening;
import org.openmilkbank.donor.Recruitment;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.donor.WorkListRow;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.standards.Standards;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The donor coordinator's pages: find or register a donor, correct her details, record her serology. */
@Controller
@RequestMapping("/donors")
@PreAuthorize(DonorController.VIEW)
class DonorController {

    static final String VIEW = "hasAnyRole('DONOR_COORDINATOR', 'MANAGER', 'ADMIN')";
    static final String ACT = "hasRole('DONOR_COORDINATOR')";
    static final String APPROVE = "hasAnyRole('DONOR_COORDINATOR', 'MANAGER')";
    static final String SWITCH_ADDENDA = "hasRole('MANAGER')";

    private final DonorManagement donors;
    private final Standards standards;
    private final History history;
    private final Messages messages;
    private final Clock clock;
    private final Forms forms;

    DonorController(
            DonorManagement donors, Standards standards, History history, Messages messages, Clock clock, Forms forms) {
        this.forms = forms;
        this.donors = donors;
        this.standards = standards;
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        // a scanned donor code goes straight to her page
        if (q != null && !q.isBlank()) {
            var exact = donors.findByCode(q);
            if (exact.isPresent()) {
                return "redirect:/donors/" + exact.get().id();
            }
        }
        return listPage(q, page, size, model);
    }

    private String listPage(String q, Integer page, Integer size, Model model) {
        model.addAttribute("q", q);
        var paged = donors.search(q, PageRequest.of(page, size));
        model.addAttribute("donors", paged.items());
        model.addAttribute("paged", paged);
        if (!model.containsAttribute("registration")) {
            model.addAttribute("registration", NewDonor.blank());
        }
        return "donor/donors";
    }

    /** Registers a donor from the same record the API takes; a refused or invalid form comes back as it was typed. */
    @PostMapping
    @PreAuthorize(ACT)
    String register(
            @Valid @ModelAttribute("registration") NewDonor registration,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    DonorView donor = donors.register(registration);
                    flash.addFlashAttribute(
                            "success", messages.get("donor.registeredFlash", donor.code(), donor.fullName()));
                    return "redirect:/donors/" + donor.id();
                },
                () -> listPage(null, null, null, model));
    }

    @GetMapping("/{id}")
    @PreAuthorize(VIEW)
    String show(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        DonorView donor = load(id);
        model.addAttribute("donor", donor);
        model.addAttribute("history", history.of(DonorManagement.RECORD_TYPE, id));
        donors.recordHealthRead(id, "donor page: screening answers, serology, deferrals");
        addSerology(model, id);
        addEligibility(model, id, LocalDate.now(clock));
        model.addAttribute("screenings", donors.screenings(id));
        model.addAttribute("questionnaire", donors.currentQuestionnaire());
        model.addAttribute("deferrals", donors.deferrals(id));
        model.addAttribute("addendaDue", donors.addendaDue(id));
        model.addAttribute("categories", DeferralCategory.values());
        model.addAttribute("modes", InterviewMode.values());
        model.addAttribute("recruitments", Recruitment.values());
        // who read her record, a page at a time with the total: `page` turns this list, the only long one here
        Paged<HealthRead> reads = donors.healthReads(id, PageRequest.of(page, size));
        model.addAttribute("healthReadsPaged", reads);
        model.addAttribute("healthReads", reads.items());
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
        return backToDonor(id, flash, "donor.corrected");
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
        donors.recordHealthRead(id, "donor page: serology");
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
        return backToDonor(id, flash, "donor.serology.voidedFlash");
    }

    @PostMapping("/{id}/screening")
    @PreAuthorize(ACT)
    String recordScreening(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate interviewedOn,
            @RequestParam(required = false) InterviewMode mode,
            @RequestParam Map<String, String> params,
            RedirectAttributes flash) {
        var screening = donors.recordScreening(id, new NewScreening(interviewedOn, mode, answers(params)));
        long deferring = screening.answers().stream().filter(a -> a.defers()).count();
        flash.addFlashAttribute(
                "success", messages.get("donor.screening.recordedFlash", screening.questionnaireVersion(), deferring));
        return "redirect:/donors/" + id;
    }

    @PostMapping("/{id}/screening/{screeningId}/approve")
    @PreAuthorize(APPROVE)
    String approveScreening(@PathVariable UUID id, @PathVariable UUID screeningId, RedirectAttributes flash) {
        ownScreening(id, screeningId);
        var screening = donors.approveScreening(screeningId);
        flash.addFlashAttribute(
                "success",
                messages.get(
                        screening.approved() ? "donor.screening.approvedFlash" : "donor.screening.firstApprovalFlash"));
        return "redirect:/donors/" + id;
    }

    @PostMapping("/{id}/deferrals")
    @PreAuthorize(ACT)
    String defer(
            @PathVariable UUID id,
            @RequestParam(required = false) DeferralCategory category,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        Boolean permanent = "PERMANENT".equals(kind) ? Boolean.TRUE : "TEMPORARY".equals(kind) ? Boolean.FALSE : null;
        var deferral = donors.defer(id, new NewDeferral(category, permanent, startsOn, until, null, reason));
        return backToDonor(id, flash, "donor.deferral.recordedFlash", deferral.category());
    }

    @PostMapping("/{id}/deferrals/{deferralId}/lift")
    @PreAuthorize(ACT)
    String lift(
            @PathVariable UUID id,
            @PathVariable UUID deferralId,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        ownDeferral(id, deferralId);
        donors.liftDeferral(deferralId, reason);
        return backToDonor(id, flash, "donor.deferral.liftedFlash");
    }

    @PostMapping("/{id}/deferrals/{deferralId}/void")
    @PreAuthorize(ACT)
    String voidDeferral(
            @PathVariable UUID id,
            @PathVariable UUID deferralId,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        ownDeferral(id, deferralId);
        donors.voidDeferral(deferralId, reason);
        return backToDonor(id, flash, "donor.deferral.voidedFlash");
    }

    @PostMapping("/{id}/background")
    @PreAuthorize(ACT)
    String background(
            @PathVariable UUID id,
            @RequestParam(required = false) String preferredLanguage,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate infantBirthDate,
            @RequestParam(required = false) Integer infantGestationWeeks,
            @RequestParam(required = false) Recruitment recruitedIn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate consentOn,
            @RequestParam(required = false) String consentScope,
            RedirectAttributes flash) {
        donors.recordBackground(
                id,
                new DonorBackground(
                        preferredLanguage,
                        infantBirthDate,
                        infantGestationWeeks,
                        recruitedIn,
                        consentOn,
                        consentScope));
        return backToDonor(id, flash, "donor.background.recordedFlash");
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize(ACT)
    String retire(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        donors.retire(id, on, reason);
        return backToDonor(id, flash, "donor.retire.flash");
    }

    @PostMapping("/{id}/addenda/{code}")
    @PreAuthorize(ACT)
    String answerAddendum(
            @PathVariable UUID id,
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate answeredOn,
            @RequestParam(required = false) InterviewMode mode,
            @RequestParam Map<String, String> params,
            RedirectAttributes flash) {
        var paused = donors.answerAddendum(id, code, answeredOn, mode, answers(params));
        flash.addFlashAttribute(
                "success",
                messages.get(paused.isEmpty() ? "donor.addendum.answeredFlash" : "donor.addendum.pausedFlash"));
        return "redirect:/donors/" + id;
    }

    @GetMapping("/{id}/timeline")
    @PreAuthorize(VIEW)
    String timeline(@PathVariable UUID id, Model model) {
        model.addAttribute("donor", load(id));
        donors.recordHealthRead(id, "timeline");
        model.addAttribute("timeline", donors.timeline(id));
        return "donor/timeline";
    }

    @GetMapping("/worklists")
    @PreAuthorize(VIEW)
    String workLists(
            @RequestParam(required = false) DonorStatus status,
            @RequestParam(defaultValue = "30") int days,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        // the three lists turn the same page; each pager shows its own total, so nothing is cut unseen
        PageRequest request = PageRequest.of(page, size);
        model.addAttribute("status", status);
        model.addAttribute("days", days);
        model.addAttribute("statuses", DonorStatus.values());
        Paged<WorkListRow> byStatusPaged = Paged.slice(donors.workList(status, LocalDate.now(clock)), request);
        Paged<WorkListRow> deferralsPaged = Paged.slice(donors.deferralsEndingWithin(days), request);
        Paged<WorkListRow> testsPaged = Paged.slice(donors.testsExpiringWithin(days), request);
        var byStatus = byStatusPaged.items();
        var deferralsEnding = deferralsPaged.items();
        var testsExpiring = testsPaged.items();
        model.addAttribute("byStatusPaged", byStatusPaged);
        model.addAttribute("deferralsPaged", deferralsPaged);
        model.addAttribute("testsPaged", testsPaged);
        donors.recordHealthReads(
                java.util.stream.Stream.of(byStatus, deferralsEnding, testsExpiring)
                        .flatMap(java.util.List::stream)
                        .map(WorkListRow::donorId)
                        .toList(),
                "work lists page");
        model.addAttribute("donorsByStatus", byStatus);
        model.addAttribute("deferralsEnding", deferralsEnding);
        model.addAttribute("testsExpiring", testsExpiring);
        return "donor/worklists";
    }

    @GetMapping(value = "/worklists.csv", produces = "text/csv")
    @PreAuthorize(VIEW)
    @ResponseBody
    ResponseEntity<byte[]> workListCsv(@RequestParam(required = false) DonorStatus status) {
        var csv = org.openmilkbank.shared.web.Csv.withHeader(
                messages.get("donor.csv.code"),
                messages.get("donor.csv.name"),
                messages.get("donor.csv.status"),
                messages.get("donor.csv.deferredUntil"));
        var rows = donors.workList(status, LocalDate.now(clock));
        donors.recordHealthReads(rows.stream().map(WorkListRow::donorId).toList(), "work list CSV");
        for (var row : rows) {
            csv.row(
                    row.code(),
                    row.fullName(),
                    messages.get(org.openmilkbank.shared.Said.labelKey(row.status())),
                    row.due());
        }
        return csv.download("donors.csv");
    }

    @GetMapping("/addenda")
    @PreAuthorize(VIEW)
    String addenda(Model model) {
        model.addAttribute("addenda", donors.addenda());
        model.addAttribute("history", java.util.List.of());
        return "donor/addenda";
    }

    @PostMapping("/addenda/{code}/on")
    @PreAuthorize(SWITCH_ADDENDA)
    String switchOn(
            @PathVariable String code, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        var addendum = donors.switchOnAddendum(code, reason);
        flash.addFlashAttribute("success", messages.get("donor.addendum.onFlash", addendum.title()));
        return "redirect:/donors/addenda";
    }

    @PostMapping("/addenda/{code}/off")
    @PreAuthorize(SWITCH_ADDENDA)
    String switchOff(
            @PathVariable String code, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        var addendum = donors.switchOffAddendum(code, reason);
        flash.addFlashAttribute("success", messages.get("donor.addendum.offFlash", addendum.title()));
        return "redirect:/donors/addenda";
    }

    /** Form fields named q_CODE carry the answer to question CODE. */
    private static Map<String, String> answers(Map<String, String> params) {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("q_")) {
                answers.put(k.substring(2), v);
            }
        });
        return answers;
    }

    /** Spreadsheet-safe CSV cell: quoted, and a leading formula character neutralised. */
    private void ownScreening(UUID donorId, UUID screeningId) {
        if (donors.screenings(donorId).stream().noneMatch(s -> s.id().equals(screeningId))) {
            throw new NotFound("donor.screening.notFound", screeningId);
        }
    }

    private void ownDeferral(UUID donorId, UUID deferralId) {
        if (donors.deferrals(donorId).stream().noneMatch(d -> d.id().equals(deferralId))) {
            throw new NotFound("donor.deferral.notFound", deferralId);
        }
    }

    @GetMapping("/{id}/eligibility")
    @PreAuthorize(VIEW)
    String eligibility(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        model.addAttribute("donor", load(id));
        addEligibility(model, id, date == null ? LocalDate.now(clock) : date);
        donors.recordHealthRead(id, "donor page: eligibility");
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

    /** After an action on her record: back to her page with what was done, in the reader's language. */
    private String backToDonor(UUID id, RedirectAttributes flash, String messageKey, Object... args) {
        flash.addFlashAttribute("success", messages.get(messageKey, args));
        return "redirect:/donors/" + id;
    }
}
