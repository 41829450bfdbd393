package org.openmilkbank.donor.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.donor.AcceptanceDecision;
import org.openmilkbank.donor.AddendumView;
import org.openmilkbank.donor.DeferralView;
import org.openmilkbank.donor.DonorBackground;
import org.openmilkbank.donor.DonorListItem;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorStatus;
import org.openmilkbank.donor.DonorTimeline;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.HealthRead;
import org.openmilkbank.donor.NewDeferral;
import org.openmilkbank.donor.NewDonor;
import org.openmilkbank.donor.NewScreening;
import org.openmilkbank.donor.NewSerologyPanel;
import org.openmilkbank.donor.QuestionnaireView;
import org.openmilkbank.donor.ScreeningView;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.donor.SerologyView;
import org.openmilkbank.donor.WorkListRow;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.Signature;
import org.openmilkbank.shared.TextLimits;
import org.openmilkbank.shared.web.Messages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class DonorApiController {

    private final DonorManagement donors;
    private final Messages messages;
    private final Clock clock;

    DonorApiController(DonorManagement donors, Messages messages, Clock clock) {
        this.donors = donors;
        this.messages = messages;
        this.clock = clock;
    }

    record NewSerology(
            @NotBlank @Size(max = TextLimits.LABEL) String test,
            @NotNull LocalDate sampleDate,
            @NotNull SerologyOutcome outcome,
            @Size(max = TextLimits.CODE) String labReference) {}

    @GetMapping("/questionnaire")
    @PreAuthorize(DonorController.VIEW)
    QuestionnaireView questionnaire() {
        return donors.currentQuestionnaire();
    }

    @GetMapping("/donors/{id}/screenings")
    @PreAuthorize(DonorController.VIEW)
    List<ScreeningView> screenings(@PathVariable UUID id) {
        donors.recordHealthRead(id, "API: screening answers");
        return donors.screenings(id);
    }

    @PostMapping("/donors/{id}/screenings")
    @PreAuthorize(DonorController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    ScreeningView recordScreening(@PathVariable UUID id, @Valid @RequestBody NewScreening interview) {
        return donors.recordScreening(id, interview);
    }

    /** The approver signs with her own password: {@code {"signaturePassword": "…"}}. */
    @PostMapping("/screenings/{id}/approve")
    @PreAuthorize(DonorController.APPROVE)
    ScreeningView approveScreening(@PathVariable UUID id, @Valid @RequestBody ScreeningApproval approval) {
        return donors.approveScreening(id, approval.signaturePassword());
    }

    @GetMapping("/screenings/{id}/signatures")
    @PreAuthorize(DonorController.VIEW)
    List<Signature> screeningSignatures(@PathVariable UUID id) {
        return donors.screeningSignatures(id);
    }

    @GetMapping("/donors/{id}/deferrals")
    @PreAuthorize(DonorController.VIEW)
    List<DeferralView> deferrals(@PathVariable UUID id) {
        donors.recordHealthRead(id, "API: deferrals");
        return donors.deferrals(id);
    }

    @PostMapping("/donors/{id}/deferrals")
    @PreAuthorize(DonorController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    DeferralView defer(@PathVariable UUID id, @Valid @RequestBody NewDeferral deferral) {
        return donors.defer(id, deferral);
    }

    @PostMapping("/deferrals/{id}/lift")
    @PreAuthorize(DonorController.ACT)
    DeferralView lift(@PathVariable UUID id, @Valid @RequestBody Reason reason) {
        return donors.liftDeferral(id, reason.reason());
    }

    @PostMapping("/deferrals/{id}/void")
    @PreAuthorize(DonorController.ACT)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void voidDeferral(@PathVariable UUID id, @Valid @RequestBody Reason reason) {
        donors.voidDeferral(id, reason.reason());
    }

    @PutMapping("/donors/{id}/background")
    @PreAuthorize(DonorController.ACT)
    DonorView background(@PathVariable UUID id, @Valid @RequestBody DonorBackground background) {
        return donors.recordBackground(id, background);
    }

    @PostMapping("/donors/{id}/retire")
    @PreAuthorize(DonorController.ACT)
    DonorView retire(@PathVariable UUID id, @Valid @RequestBody Retirement r) {
        return donors.retire(id, r.on(), r.reason());
    }

    @GetMapping("/donors/{id}/acceptance")
    @PreAuthorize(DonorController.VIEW)
    AcceptanceDecision acceptance(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        AcceptanceDecision decision = donors.acceptanceOn(id, date == null ? LocalDate.now(clock) : date);
        donors.recordHealthRead(id, "API: milk acceptance");
        return decision;
    }

    @GetMapping("/donors/{id}/timeline")
    @PreAuthorize(DonorController.VIEW)
    DonorTimeline timeline(@PathVariable UUID id) {
        donors.recordHealthRead(id, "API: timeline");
        return donors.timeline(id);
    }

    @GetMapping("/donors/{id}/health-reads")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    Paged<HealthRead> healthReads(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return donors.healthReads(id, PageRequest.of(page, size));
    }

    @GetMapping("/donor-worklists/status")
    @PreAuthorize(DonorController.VIEW)
    Paged<WorkListRow> byStatus(
            @RequestParam(required = false) DonorStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(
                logged(donors.workList(status, date), "API: work list by status"), PageRequest.of(page, size));
    }

    @GetMapping("/donor-worklists/deferrals-ending")
    @PreAuthorize(DonorController.VIEW)
    Paged<WorkListRow> deferralsEnding(
            @RequestParam(defaultValue = "30") int days,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(
                logged(donors.deferralsEndingWithin(days), "API: work list deferrals ending"),
                PageRequest.of(page, size));
    }

    @GetMapping("/donor-worklists/tests-expiring")
    @PreAuthorize(DonorController.VIEW)
    Paged<WorkListRow> testsExpiring(
            @RequestParam(defaultValue = "30") int days,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(
                logged(donors.testsExpiringWithin(days), "API: work list tests expiring"), PageRequest.of(page, size));
    }

    @GetMapping("/addenda")
    @PreAuthorize(DonorController.VIEW)
    Paged<AddendumView> addenda(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(donors.addenda(), PageRequest.of(page, size));
    }

    @PostMapping("/addenda/{code}/on")
    @PreAuthorize(DonorController.SWITCH_ADDENDA)
    AddendumView switchOn(@PathVariable String code, @Valid @RequestBody Reason reason) {
        return donors.switchOnAddendum(code, reason.reason());
    }

    @PostMapping("/addenda/{code}/off")
    @PreAuthorize(DonorController.SWITCH_ADDENDA)
    AddendumView switchOff(@PathVariable String code, @Valid @RequestBody Reason reason) {
        return donors.switchOffAddendum(code, reason.reason());
    }

    @PostMapping("/donors/{id}/addenda/{code}")
    @PreAuthorize(DonorController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    List<DeferralView> answerAddendum(
            @PathVariable UUID id, @PathVariable String code, @Valid @RequestBody NewScreening i) {
        return donors.answerAddendum(id, code, i.interviewedOn(), i.mode(), i.answers());
    }

    @GetMapping("/donors")
    @PreAuthorize(DonorController.VIEW)
    Paged<DonorListItem> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return donors.list(q, PageRequest.of(page, size));
    }

    @PostMapping("/donors")
    @PreAuthorize(DonorController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    DonorView register(@Valid @RequestBody NewDonor donor) {
        return donors.register(donor);
    }

    @GetMapping("/donors/{id}")
    @PreAuthorize(DonorController.VIEW)
    DonorView one(@PathVariable UUID id) {
        return donors.find(id).orElseThrow(() -> new NotFound("donor.notFound", id));
    }

    @PutMapping("/donors/{id}")
    @PreAuthorize(DonorController.ACT)
    DonorView correct(@PathVariable UUID id, @Valid @RequestBody Correction c) {
        return donors.correct(id, c.details(), c.reason());
    }

    @GetMapping("/donors/{id}/serology")
    @PreAuthorize(DonorController.VIEW)
    List<SerologyView> serology(@PathVariable UUID id) {
        donors.recordHealthRead(id, "API: serology");
        return donors.serology(id);
    }

    @PostMapping("/donors/{id}/serology")
    @PreAuthorize(DonorController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    SerologyView recordSerology(@PathVariable UUID id, @Valid @RequestBody NewSerology s) {
        return donors.recordSerology(id, s.test(), s.sampleDate(), s.outcome(), s.labReference());
    }

    /** One blood sample and an outcome per test of the panel, all recorded or none. */
    @PostMapping("/donors/{id}/serology-panels")
    @PreAuthorize(DonorController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    List<SerologyView> recordSerologyPanel(@PathVariable UUID id, @Valid @RequestBody NewSerologyPanel panel) {
        return donors.recordSerologyPanel(id, panel);
    }

    @PostMapping("/serology/{id}/void")
    @PreAuthorize(DonorController.ACT)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void voidSerology(@PathVariable UUID id, @Valid @RequestBody Reason reason) {
        donors.voidSerology(id, reason.reason());
    }

    @GetMapping("/donors/{id}/eligibility")
    @PreAuthorize(DonorController.VIEW)
    EligibilityPanel eligibility(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        EligibilityPanel panel =
                EligibilityPanel.of(donors.eligibilityOn(id, date == null ? LocalDate.now(clock) : date), messages);
        donors.recordHealthRead(id, "API: eligibility");
        return panel;
    }

    /** A work list shows each donor's status and test or deferral dates: a health read of each of them. */
    private List<WorkListRow> logged(List<WorkListRow> rows, String what) {
        donors.recordHealthReads(rows.stream().map(WorkListRow::donorId).toList(), what);
        return rows;
    }
}
