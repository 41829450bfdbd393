package org.openmilkbank.lab.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openmilkbank.lab.CultureMedium;
import org.openmilkbank.lab.LabManagement;
import org.openmilkbank.lab.PlanState;
import org.openmilkbank.lab.SamplePurpose;
import org.openmilkbank.lab.SampleView;
import org.openmilkbank.lab.SamplingPlans;
import org.openmilkbank.lab.procedure.Procedure;
import org.openmilkbank.lab.procedure.Procedures;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.CodeLookup;
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

/**
 * The lab's pages: the day's work lists with a scanner input (a unit's code takes a sample, a sample's code opens it),
 * taking a sample, and one sample with its reads, the read form and the amendment form.
 */
@Controller
@RequestMapping("/lab")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN')")
class LabController {

    private final LabManagement lab;
    private final CodeLookup codes;
    private final Standards standards;
    private final History history;
    private final Forms forms;
    private final Messages messages;
    private final Clock clock;
    private final Procedures procedures;
    private final SamplingPlans plans;
    private final org.openmilkbank.lab.CultureReadImports imports;

    LabController(
            LabManagement lab,
            CodeLookup codes,
            Standards standards,
            History history,
            Forms forms,
            Messages messages,
            Clock clock,
            Procedures procedures,
            SamplingPlans plans,
            org.openmilkbank.lab.CultureReadImports imports) {
        this.imports = imports;
        this.procedures = procedures;
        this.plans = plans;
        this.lab = lab;
        this.codes = codes;
        this.standards = standards;
        this.history = history;
        this.forms = forms;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String home(Model model) {
        return homePage(model);
    }

    String homePage(Model model) {
        model.addAttribute("work", lab.workList());
        model.addAttribute("recent", lab.recentlyJudged().stream().limit(10).toList());
        if (!model.containsAttribute("scan")) {
            model.addAttribute("scan", new LabForms.ScanForm(null));
        }
        return "lab/home";
    }

    /**
     * The sampling plan as it stands: which rule of the profile applies, the last sampled run, runs and days since
     * it, when the next sample is due, and the runs resting on it.
     */
    @GetMapping("/plan")
    String plan(Model model) {
        PlanState state = plans.state();
        model.addAttribute("plan", state);
        model.addAttribute(
                "resting",
                state.lastSampledRunId() == null ? java.util.List.of() : plans.restingOn(state.lastSampledRunId()));
        model.addAttribute(
                "nextReason",
                state.nextRunReason() == null
                        ? null
                        : SamplingPlans.reasonSaid(
                                state.nextRunReason(),
                                state.runsSince() == null ? 0 : state.runsSince() + 1,
                                state.daysSince()));
        return "lab/plan";
    }

    /** A scanned code: a sample's opens its page; a pool's, run's or bottle's opens the form to sample it. */
    @PostMapping("/scan")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String scan(
            @Valid @ModelAttribute("scan") LabForms.ScanForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    Optional<SampleView> sample = lab.findByCode(form.code());
                    if (sample.isPresent()) {
                        return "redirect:/lab/samples/" + sample.get().id();
                    }
                    CodeLookup.Match unit = codes.find(form.code())
                            .filter(m -> m.label() != null)
                            .orElseThrow(() -> new RuleViolation(
                                            "lab.culture.scan.unknown",
                                            form.code().strip())
                                    .on("code"));
                    SamplePurpose purpose = unit.kind() == CodeLookup.Kind.POOL
                            ? SamplePurpose.PRE_CULTURE
                            : SamplePurpose.POST_CULTURE;
                    flash.addAttribute("unit", unit.label());
                    flash.addAttribute("purpose", purpose.name());
                    return "redirect:/lab/samples/new";
                },
                () -> homePage(model));
    }

    @GetMapping("/samples/new")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String newSample(
            @RequestParam(name = "unit", required = false) String unit,
            @RequestParam(name = "purpose", required = false) SamplePurpose purpose,
            Model model) {
        if (!model.containsAttribute("take")) {
            LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
            model.addAttribute(
                    "take",
                    new LabForms.TakeSampleForm(
                            unit,
                            purpose,
                            null,
                            now,
                            now,
                            standards.activeProfile().cultureIncubationTemperatureC()));
        }
        return takePage(model);
    }

    String takePage(Model model) {
        SamplePurpose purpose = model.getAttribute("take") instanceof LabForms.TakeSampleForm f && f.purpose() != null
                ? f.purpose()
                : SamplePurpose.PRE_CULTURE;
        model.addAttribute(
                "procedure",
                procedures.current(Procedure.ofCode(purpose.procedure()).orElseThrow()));
        StandardProfile profile = standards.activeProfile();
        model.addAttribute(
                "temperatureLow",
                profile.cultureIncubationTemperatureC().subtract(profile.cultureIncubationToleranceC()));
        model.addAttribute(
                "temperatureHigh", profile.cultureIncubationTemperatureC().add(profile.cultureIncubationToleranceC()));
        model.addAttribute("purposes", SamplePurpose.values());
        model.addAttribute("media", CultureMedium.values());
        return "lab/take";
    }

    @PostMapping("/samples")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String take(
            @Valid @ModelAttribute("take") LabForms.TakeSampleForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    SampleView sample = lab.takeSample(
                            form.unitCode(),
                            form.purpose(),
                            form.medium(),
                            form.takenAt() == null
                                    ? null
                                    : form.takenAt().atZone(clock.getZone()).toInstant(),
                            form.incubationStartedAt() == null
                                    ? null
                                    : form.incubationStartedAt()
                                            .atZone(clock.getZone())
                                            .toInstant(),
                            form.incubationTemperatureC());
                    flash.addFlashAttribute(
                            "success",
                            messages.get("lab.culture.take.done", sample.codeWithCheck(), sample.unitLabel()));
                    return "redirect:/lab/samples/" + sample.id();
                },
                () -> takePage(model));
    }

    @GetMapping("/samples/{id}")
    String sample(@PathVariable UUID id, Model model) {
        return samplePage(id, model);
    }

    String samplePage(UUID id, Model model) {
        SampleView sample = lab.find(id).orElseThrow(() -> new NotFound("lab.culture.sample.notFound", id));
        StandardProfile profile = standards.activeProfile();
        model.addAttribute("sample", sample);
        model.addAttribute(
                "importFiles",
                imports.find(sample.reads().stream()
                        .map(SampleView.Read::importId)
                        .filter(java.util.Objects::nonNull)
                        .toList()));
        model.addAttribute("limits", limits(sample.purpose(), profile));
        model.addAttribute("profile", profile);
        model.addAttribute("history", history.of("LabSample", id));
        model.addAttribute(
                "procedurePurpose", Procedure.ofCode(sample.procedure()).orElse(Procedure.PRE_CULTURE));
        if (!model.containsAttribute("scan")) {
            model.addAttribute("scan", new LabForms.ScanForm(null));
        }
        if (!model.containsAttribute("read")) {
            model.addAttribute(
                    "read",
                    new LabForms.ReadForm(
                            LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
        }
        if (!model.containsAttribute("amend")) {
            model.addAttribute("amend", new LabForms.AmendForm(null, null, null, null, null, null, null, null));
        }
        return "lab/sample";
    }

    /** The profile's limits for the purpose, as the reader reads them. */
    private String limits(SamplePurpose purpose, StandardProfile profile) {
        Map<String, Long> limits =
                purpose == SamplePurpose.PRE_CULTURE ? profile.preCultureLimits() : profile.postCultureLimits();
        if (limits.isEmpty()) {
            return messages.get("lab.culture.limits.none");
        }
        return limits.entrySet().stream()
                .map(e -> messages.get(
                        "lab.culture.limit",
                        "ANY".equals(e.getKey())
                                ? messages.get("lab.culture.limit.ANY")
                                : messages.of(Said.code("enum.Organism." + e.getKey())),
                        e.getValue()))
                .collect(Collectors.joining("; "));
    }

    @PostMapping("/samples/{id}/reads")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String read(
            @PathVariable UUID id,
            @Valid @ModelAttribute("read") LabForms.ReadForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    SampleView sample = lab.recordRead(
                            id,
                            form.counts(),
                            form.readAt() == null
                                    ? null
                                    : form.readAt().atZone(clock.getZone()).toInstant());
                    if (sample.passed()) {
                        flash.addFlashAttribute(
                                "success", messages.get("lab.culture.read.passed", sample.codeWithCheck()));
                    } else {
                        flash.addFlashAttribute(
                                "error",
                                messages.get("lab.culture.read.failed", sample.codeWithCheck(), sample.verdictCodes()));
                    }
                    return "redirect:/lab/samples/" + id;
                },
                () -> samplePage(id, model));
    }

    @PostMapping("/samples/{id}/amendments")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    String amend(
            @PathVariable UUID id,
            @Valid @ModelAttribute("amend") LabForms.AmendForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    SampleView sample = lab.amendRead(id, form.counts(), form.reason());
                    flash.addFlashAttribute("success", messages.get("lab.culture.amend.done", sample.codeWithCheck()));
                    return "redirect:/lab/samples/" + id;
                },
                () -> samplePage(id, model));
    }
}
