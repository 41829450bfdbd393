package org.openmilkbank.donor.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
import org.openmilkbank.donor.NewSerologyPanel;
import org.openmilkbank.donor.Recruitment;
import org.openmilkbank.donor.ScreeningView;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.donor.SerologyView;
import org.openmilkbank.donor.WorkListRow;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.Signature;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.standards.Standards;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
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

    /** Form records are bound through their constructor only: what was typed is the record, nothing set after. */
    @InitBinder
    void constructorOnly(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
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
        model.addAttribute("recruitmentSuspendedBy", donors.recruitmentSuspendedBy());
        var paged = donors.list(q, PageRequest.of(page, size));
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
        return donorPage(id, page, size, model);
    }

    /** Her page, with each form as typed when one was refused, else blank (her details as recorded). */
    private String donorPage(UUID id, Model model) {
        return donorPage(id, null, null, model);
    }

    private String donorPage(UUID id, Integer page, Integer size, Model model) {
        DonorView donor = load(id);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("donor", donor);
        model.addAttribute("history", history.of(DonorManagement.RECORD_TYPE, id));
        donors.recordHealthRead(id, "donor page: screening answers, serology, deferrals");
        addSerology(model, id);
        addEligibility(model, id, today);
        List<ScreeningView> screenings = donors.screenings(id);
        model.addAttribute("screenings", screenings);
        Map<UUID, List<Said>> attestations = new LinkedHashMap<>();
        Map<UUID, List<Signature>> signed = new LinkedHashMap<>();
        for (ScreeningView s : screenings) {
            attestations.put(s.id(), donors.attestations(s));
            signed.put(s.id(), donors.screeningSignatures(s.id()));
        }
        model.addAttribute("attestations", attestations);
        model.addAttribute("screeningSignatures", signed);
        model.addAttribute("questionnaire", donors.currentQuestionnaire());
        model.addAttribute("deferrals", donors.deferrals(id));
        model.addAttribute("addendaDue", donors.addendaDue(id));
        model.addAttribute("recruitmentSuspendedBy", donors.recruitmentSuspendedBy());
        model.addAttribute("categories", DeferralCategory.values());
        model.addAttribute("modes", InterviewMode.values());
        model.addAttribute("recruitments", Recruitment.values());
        blank(model, "correction", () -> Correction.of(donor));
        blank(model, "backgroundForm", () -> DonorBackground.of(donor));
        blank(model, "interview", () -> NewScreening.blank(today));
        blank(model, "approval", ScreeningApproval::blank);
        blank(model, "addendum", () -> NewScreening.blank(today));
        blank(model, "deferral", () -> new NewDeferral(null, null, today, null, null, null));
        blank(model, "lift", Reason::blank);
        blank(model, "voidDeferral", Reason::blank);
        blank(model, "voidSerology", Reason::blank);
        blank(model, "retirement", () -> new Retirement(today, null));
        // who read her record, a page at a time with the total: `page` turns this list, the only long one here
        Paged<HealthRead> reads = donors.healthReads(id, PageRequest.of(page, size));
        model.addAttribute("healthReadsPaged", reads);
        model.addAttribute("healthReads", reads.items());
        return "donor/donor";
    }

    /** A blank form record, unless the model holds the one just refused, as it was typed. */
    private static void blank(Model model, String name, Supplier<Object> form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form.get());
        }
    }

    @PostMapping("/{id}/correct")
    @PreAuthorize(ACT)
    String correct(
            @PathVariable UUID id,
            @Valid @ModelAttribute("correction") Correction correction,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    donors.correct(id, correction.details(), correction.reason());
                    return backToDonor(id, flash, "donor.corrected");
                },
                () -> donorPage(id, model));
    }

    /**
     * One blood sample: its date and laboratory reference once and an outcome per test of the panel, all recorded
     * or none. htmx redraws the serology card in place (with what was typed when refused) and tells the
     * eligibility panel to refresh itself.
     */
    @PostMapping("/{id}/serology")
    @PreAuthorize(ACT)
    String recordSerology(
            @PathVariable UUID id,
            @Valid @ModelAttribute("serologyForm") NewSerologyPanel panel,
            BindingResult result,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        load(id);
        return forms.submit(
                result,
                () -> {
                    List<SerologyView> recorded = donors.recordSerologyPanel(id, panel);
                    String tests = recorded.stream().map(SerologyView::test).collect(Collectors.joining(", "));
                    String done = messages.get("donor.serology.recorded", tests, panel.sampleDate());
                    if (htmx == null) {
                        flash.addFlashAttribute("success", done);
                        return "redirect:/donors/" + id;
                    }
                    response.setHeader("HX-Trigger", "serology-changed");
                    model.addAttribute("serologySuccess", done);
                    model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "serologyForm");
                    model.addAttribute("serologyForm", NewSerologyPanel.blank());
                    return serologyCard(id, model);
                },
                () -> htmx == null ? donorPage(id, model) : serologyCard(id, model));
    }

    private String serologyCard(UUID id, Model model) {
        model.addAttribute("donor", load(id));
        addSerology(model, id);
        blank(model, "voidSerology", Reason::blank);
        donors.recordHealthRead(id, "donor page: serology");
        return "donor/donor :: serology";
    }

    @PostMapping("/{id}/serology/{resultId}/void")
    @PreAuthorize(ACT)
    String voidSerology(
            @PathVariable UUID id,
            @PathVariable UUID resultId,
            @Valid @ModelAttribute("voidSerology") Reason reason,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        boolean belongsToDonor = donors.serology(id).stream().anyMatch(r -> r.id().equals(resultId));
        if (!belongsToDonor) {
            throw new NotFound("donor.serology.notFound", resultId);
        }
        model.addAttribute("voidSerologyFor", resultId);
        return forms.submit(
                result,
                () -> {
                    donors.voidSerology(resultId, reason.reason());
                    return backToDonor(id, flash, "donor.serology.voidedFlash");
                },
                () -> donorPage(id, model));
    }

    @PostMapping("/{id}/screening")
    @PreAuthorize(ACT)
    String recordScreening(
            @PathVariable UUID id,
            @Valid @ModelAttribute("interview") NewScreening interview,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    var screening = donors.recordScreening(id, interview);
                    long deferring =
                            screening.answers().stream().filter(a -> a.defers()).count();
                    flash.addFlashAttribute(
                            "success",
                            messages.get("donor.screening.recordedFlash", screening.questionnaireVersion(), deferring));
                    return "redirect:/donors/" + id;
                },
                () -> donorPage(id, model));
    }

    /** The approver signs with her own password after reading what she attests. */
    @PostMapping("/{id}/screening/{screeningId}/approve")
    @PreAuthorize(APPROVE)
    String approveScreening(
            @PathVariable UUID id,
            @PathVariable UUID screeningId,
            @Valid @ModelAttribute("approval") ScreeningApproval approval,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        ownScreening(id, screeningId);
        model.addAttribute("approvalFor", screeningId);
        return forms.submit(
                result,
                () -> {
                    var screening = donors.approveScreening(screeningId, approval.signaturePassword());
                    flash.addFlashAttribute(
                            "success",
                            messages.get(
                                    screening.approved()
                                            ? "donor.screening.approvedFlash"
                                            : "donor.screening.firstApprovalFlash"));
                    return "redirect:/donors/" + id;
                },
                () -> donorPage(id, model));
    }

    @PostMapping("/{id}/deferrals")
    @PreAuthorize(ACT)
    String defer(
            @PathVariable UUID id,
            @Valid @ModelAttribute("deferral") NewDeferral deferral,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    var recorded = donors.defer(id, deferral);
                    return backToDonor(id, flash, "donor.deferral.recordedFlash", recorded.category());
                },
                () -> donorPage(id, model));
    }

    @PostMapping("/{id}/deferrals/{deferralId}/lift")
    @PreAuthorize(ACT)
    String lift(
            @PathVariable UUID id,
            @PathVariable UUID deferralId,
            @Valid @ModelAttribute("lift") Reason reason,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        ownDeferral(id, deferralId);
        model.addAttribute("liftFor", deferralId);
        return forms.submit(
                result,
                () -> {
                    donors.liftDeferral(deferralId, reason.reason());
                    return backToDonor(id, flash, "donor.deferral.liftedFlash");
                },
                () -> donorPage(id, model));
    }

    @PostMapping("/{id}/deferrals/{deferralId}/void")
    @PreAuthorize(ACT)
    String voidDeferral(
            @PathVariable UUID id,
            @PathVariable UUID deferralId,
            @Valid @ModelAttribute("voidDeferral") Reason reason,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        ownDeferral(id, deferralId);
        model.addAttribute("voidDeferralFor", deferralId);
        return forms.submit(
                result,
                () -> {
                    donors.voidDeferral(deferralId, reason.reason());
                    return backToDonor(id, flash, "donor.deferral.voidedFlash");
                },
                () -> donorPage(id, model));
    }

    @PostMapping("/{id}/background")
    @PreAuthorize(ACT)
    String background(
            @PathVariable UUID id,
            @Valid @ModelAttribute("backgroundForm") DonorBackground background,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    donors.recordBackground(id, background);
                    return backToDonor(id, flash, "donor.background.recordedFlash");
                },
                () -> donorPage(id, model));
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize(ACT)
    String retire(
            @PathVariable UUID id,
            @Valid @ModelAttribute("retirement") Retirement retirement,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    donors.retire(id, retirement.on(), retirement.reason());
                    return backToDonor(id, flash, "donor.retire.flash");
                },
                () -> donorPage(id, model));
    }

    @PostMapping("/{id}/addenda/{code}")
    @PreAuthorize(ACT)
    String answerAddendum(
            @PathVariable UUID id,
            @PathVariable String code,
            @Valid @ModelAttribute("addendum") NewScreening answers,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        model.addAttribute("addendumFor", code);
        return forms.submit(
                result,
                () -> {
                    var paused =
                            donors.answerAddendum(id, code, answers.interviewedOn(), answers.mode(), answers.answers());
                    flash.addFlashAttribute(
                            "success",
                            messages.get(
                                    paused.isEmpty() ? "donor.addendum.answeredFlash" : "donor.addendum.pausedFlash"));
                    return "redirect:/donors/" + id;
                },
                () -> donorPage(id, model));
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
        return addendaPage(model);
    }

    private String addendaPage(Model model) {
        model.addAttribute("addenda", donors.addenda());
        model.addAttribute("history", java.util.List.of());
        blank(model, "switchForm", Reason::blank);
        return "donor/addenda";
    }

    @PostMapping("/addenda/{code}/on")
    @PreAuthorize(SWITCH_ADDENDA)
    String switchOn(
            @PathVariable String code,
            @Valid @ModelAttribute("switchForm") Reason reason,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return switchAddendum(code, true, reason, result, model, flash);
    }

    @PostMapping("/addenda/{code}/off")
    @PreAuthorize(SWITCH_ADDENDA)
    String switchOff(
            @PathVariable String code,
            @Valid @ModelAttribute("switchForm") Reason reason,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return switchAddendum(code, false, reason, result, model, flash);
    }

    /** Switches an addendum on or off with the manager's reason; a refusal shows beside that addendum's form. */
    private String switchAddendum(
            String code, boolean on, Reason reason, BindingResult result, Model model, RedirectAttributes flash) {
        model.addAttribute("switchFor", code);
        return forms.submit(
                result,
                () -> {
                    var addendum = on
                            ? donors.switchOnAddendum(code, reason.reason())
                            : donors.switchOffAddendum(code, reason.reason());
                    flash.addFlashAttribute(
                            "success",
                            messages.get(on ? "donor.addendum.onFlash" : "donor.addendum.offFlash", addendum.title()));
                    return "redirect:/donors/addenda";
                },
                () -> addendaPage(model));
    }

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
        blank(model, "serologyForm", NewSerologyPanel::blank);
        model.addAttribute("serology", donors.serology(id));
        model.addAttribute("panel", donors.serologyPanel());
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
