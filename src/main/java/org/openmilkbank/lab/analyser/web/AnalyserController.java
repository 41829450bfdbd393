package org.openmilkbank.lab.analyser.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.lab.analyser.AnalyserFileRefused;
import org.openmilkbank.lab.analyser.AnalyserImports;
import org.openmilkbank.lab.analyser.AnalyserInstruments;
import org.openmilkbank.lab.analyser.AnalyserResultView;
import org.openmilkbank.lab.analyser.AnalyserResults;
import org.openmilkbank.lab.analyser.ImportOutcome;
import org.openmilkbank.lab.analyser.InstrumentView;
import org.openmilkbank.lab.analyser.Nutrient;
import org.openmilkbank.lab.analyser.ReadingUnit;
import org.openmilkbank.lab.procedure.Procedure;
import org.openmilkbank.lab.procedure.Procedures;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
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
 * The milk analyser's pages: the instruments (defined once, amended with a reason), the import of a file with the
 * preview of the rows it refused, an import's rows (voided one by one with a reason) and the results of a unit.
 */
@Controller
@RequestMapping("/lab/analysers")
@PreAuthorize(AnalyserRoles.VIEW)
class AnalyserController {

    private final AnalyserInstruments instruments;
    private final AnalyserImports imports;
    private final AnalyserResults results;
    private final CodeLookup codes;
    private final History history;
    private final Forms forms;
    private final Messages messages;
    private final Procedures procedures;

    AnalyserController(
            AnalyserInstruments instruments,
            AnalyserImports imports,
            AnalyserResults results,
            CodeLookup codes,
            History history,
            Forms forms,
            Messages messages,
            Procedures procedures) {
        this.procedures = procedures;
        this.instruments = instruments;
        this.imports = imports;
        this.results = results;
        this.codes = codes;
        this.history = history;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(AnalyserRoles.VIEW)
    String list(Model model) {
        return listPage(model);
    }

    private String listPage(Model model) {
        model.addAttribute("instruments", instruments.all());
        model.addAttribute(
                "recentImports", results.imports(PageRequest.of(1, 10)).items());
        addChoices(model);
        if (!model.containsAttribute("newInstrument")) {
            model.addAttribute("newInstrument", AnalyserForms.InstrumentForm.blank());
        }
        return "lab/analysers";
    }

    @PostMapping
    @PreAuthorize(AnalyserRoles.ACT)
    String define(
            @Valid @ModelAttribute("newInstrument") AnalyserForms.InstrumentForm newInstrument,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    InstrumentView instrument = instruments.define(newInstrument.details());
                    flash.addFlashAttribute(
                            "success", messages.get("lab.analyser.instrument.defined", instrument.name()));
                    return "redirect:/lab/analysers/" + instrument.id();
                },
                () -> listPage(model));
    }

    @GetMapping("/{id}")
    @PreAuthorize(AnalyserRoles.VIEW)
    String show(@PathVariable UUID id, Model model) {
        return instrumentPage(id, model);
    }

    private String instrumentPage(UUID id, Model model) {
        InstrumentView instrument = instruments.get(id);
        model.addAttribute("instrument", instrument);
        // the day's check, walked through before the day's samples are measured
        model.addAttribute("checkProcedure", procedures.current(Procedure.ANALYSER_CHECK));
        model.addAttribute("history", history.of(AnalyserInstruments.RECORD, id));
        addChoices(model);
        if (!model.containsAttribute("amendment")) {
            model.addAttribute("amendment", AnalyserForms.InstrumentForm.of(instrument));
        }
        if (!model.containsAttribute("retirement")) {
            model.addAttribute("retirement", new AnalyserForms.ReasonForm(null));
        }
        return "lab/analyser";
    }

    @PostMapping("/{id}")
    @PreAuthorize(AnalyserRoles.ACT)
    String amend(
            @PathVariable UUID id,
            @Valid @ModelAttribute("amendment") AnalyserForms.InstrumentForm amendment,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    instruments.amend(id, amendment.details(), amendment.reason());
                    flash.addFlashAttribute("success", messages.get("lab.analyser.instrument.amended"));
                    return "redirect:/lab/analysers/" + id;
                },
                () -> instrumentPage(id, model));
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize(AnalyserRoles.ACT)
    String retire(
            @PathVariable UUID id,
            @Valid @ModelAttribute("retirement") AnalyserForms.ReasonForm retirement,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    InstrumentView instrument = instruments.retire(id, retirement.reason());
                    flash.addFlashAttribute(
                            "success", messages.get("lab.analyser.instrument.retiredDone", instrument.name()));
                    return "redirect:/lab/analysers/" + id;
                },
                () -> instrumentPage(id, model));
    }

    @GetMapping("/import")
    @PreAuthorize(AnalyserRoles.ACT)
    String importForm(@RequestParam(required = false) UUID instrument, Model model) {
        if (!model.containsAttribute("upload")) {
            model.addAttribute("upload", new AnalyserForms.ImportForm(instrument, null));
        }
        return importPage(model);
    }

    private String importPage(Model model) {
        model.addAttribute("instruments", instruments.active());
        model.addAttribute("checkProcedure", procedures.current(Procedure.ANALYSER_CHECK));
        model.addAttribute("maxMegabytes", AnalyserImports.MAX_FILE_BYTES / (1024 * 1024));
        if (!model.containsAttribute("refusedRows")) {
            model.addAttribute("refusedRows", List.of());
        }
        return "lab/analyser-import";
    }

    @PostMapping("/import")
    @PreAuthorize(AnalyserRoles.ACT)
    String importFile(
            @ModelAttribute("upload") AnalyserForms.ImportForm upload,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    try {
                        ImportOutcome outcome = imports.importFile(
                                upload.instrumentId(),
                                upload.file() == null ? null : upload.file().getOriginalFilename(),
                                AnalyserApiController.bytes(upload.file()));
                        flash.addFlashAttribute(
                                "success",
                                messages.get(
                                        "lab.analyser.import.done",
                                        outcome.imported(),
                                        outcome.counted(),
                                        outcome.notCounted()));
                        return "redirect:/lab/analysers/imports/" + outcome.importId();
                    } catch (AnalyserFileRefused refused) {
                        model.addAttribute("refusedRows", refused.rows());
                        throw refused;
                    }
                },
                () -> importPage(model));
    }

    @GetMapping("/imports/{importId}")
    @PreAuthorize(AnalyserRoles.VIEW)
    String importRecord(@PathVariable UUID importId, Model model) {
        return importRecordPage(importId, model);
    }

    private String importRecordPage(UUID importId, Model model) {
        model.addAttribute("record", results.importOf(importId));
        model.addAttribute("rows", results.ofImport(importId));
        model.addAttribute("analyserCheck", Procedure.ANALYSER_CHECK);
        model.addAttribute("nutrients", Nutrient.values());
        model.addAttribute("history", history.of(AnalyserImports.RECORD, importId));
        if (!model.containsAttribute("voiding")) {
            model.addAttribute("voiding", new AnalyserForms.ReasonForm(null));
        }
        return "lab/analyser-import-record";
    }

    @PostMapping("/results/{resultId}/void")
    @PreAuthorize(AnalyserRoles.ACT)
    String voidResult(
            @PathVariable UUID resultId,
            @RequestParam UUID importId,
            @Valid @ModelAttribute("voiding") AnalyserForms.ReasonForm voiding,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        model.addAttribute("voidingResult", resultId);
        return forms.submit(
                result,
                () -> {
                    AnalyserResultView row = results.voidResult(resultId, voiding.reason());
                    flash.addFlashAttribute("success", messages.get("lab.analyser.result.voidedDone", row.rowNumber()));
                    return "redirect:/lab/analysers/imports/" + row.importId();
                },
                () -> importRecordPage(importId, model));
    }

    /** The results of a unit named by its DIN (scanned), or the latest results of every unit. */
    @GetMapping("/results")
    @PreAuthorize(AnalyserRoles.VIEW)
    String results(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        model.addAttribute("nutrients", Nutrient.values());
        model.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            Optional<CodeLookup.Match> unit = codes.find(code)
                    .filter(m -> m.kind() == CodeLookup.Kind.CONTAINER || m.kind() == CodeLookup.Kind.POOL);
            model.addAttribute("unknownCode", unit.isEmpty());
            unit.ifPresent(u -> {
                model.addAttribute("unitLabel", u.label());
                model.addAttribute("latest", results.latestFor(u.id()));
            });
            List<AnalyserResultView> ofUnit =
                    unit.map(u -> results.ofUnit(u.id())).orElse(List.of());
            Paged<AnalyserResultView> paged = Paged.slice(ofUnit, PageRequest.of(page, size));
            model.addAttribute("paged", paged);
            model.addAttribute("results", paged.items());
        } else {
            Paged<AnalyserResultView> paged = results.recent(PageRequest.of(page, size));
            model.addAttribute("paged", paged);
            model.addAttribute("results", paged.items());
        }
        return "lab/analyser-results";
    }

    private static void addChoices(Model model) {
        model.addAttribute("nutrients", Nutrient.values());
        model.addAttribute("units", ReadingUnit.values());
    }
}
