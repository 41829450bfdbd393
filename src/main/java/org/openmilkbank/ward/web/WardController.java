package org.openmilkbank.ward.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.ward.Bedside;
import org.openmilkbank.ward.BedsideCheck;
import org.openmilkbank.ward.BedsideRefusal;
import org.openmilkbank.ward.PreparationView;
import org.openmilkbank.ward.WardPreparations;
import org.openmilkbank.ward.WardRecords;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The ward's phone pages, scanner first: thaw and divide a bottle, the bedside check and feed, an infant's record of
 * feeds, near misses for the manager.
 */
@Controller
@RequestMapping("/ward")
@PreAuthorize("hasAnyRole('NURSE', 'MANAGER')")
class WardController {

    private final WardPreparations preparations;
    private final Bedside bedside;
    private final WardRecords records;
    private final DispensingManagement dispensing;
    private final Forms forms;
    private final Messages messages;
    private final Clock clock;

    WardController(
            WardPreparations preparations,
            Bedside bedside,
            WardRecords records,
            DispensingManagement dispensing,
            Forms forms,
            Messages messages,
            Clock clock) {
        this.preparations = preparations;
        this.bedside = bedside;
        this.records = records;
        this.dispensing = dispensing;
        this.forms = forms;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- thaw and prepare

    @GetMapping("/prepare")
    String prepare(@RequestParam(required = false) String din, Model model) {
        return preparePage(din, model);
    }

    private String preparePage(String din, Model model) {
        model.addAttribute("din", din == null ? "" : din.strip());
        BottleView bottle = null;
        if (din != null && !din.isBlank()) {
            try {
                bottle = preparations.bottle(din);
            } catch (RuleViolation refusal) {
                model.addAttribute("lookupError", messages.of(refusal));
            }
        }
        model.addAttribute("bottle", bottle);
        model.addAttribute(
                "bottleLabel", bottle == null ? null : Din.parse(bottle.din()).withCheck());
        PreparationView prepared =
                bottle == null ? null : preparations.preparationOf(bottle.id()).orElse(null);
        model.addAttribute("preparation", prepared);
        model.addAttribute("now", clock.instant());
        if (!model.containsAttribute("thaw")) {
            model.addAttribute("thaw", new WardForms.ThawForm(din, null));
        }
        if (!model.containsAttribute("divide")) {
            model.addAttribute("divide", WardForms.DivideForm.blank(bottle == null ? din : bottle.din()));
        }
        return "ward/prepare";
    }

    @PostMapping("/prepare/thaw")
    @PreAuthorize("hasRole('NURSE')")
    String thaw(
            @Valid @ModelAttribute("thaw") WardForms.ThawForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    BottleView b = preparations.thaw(form.din(), form.method());
                    flash.addFlashAttribute("success", messages.get("ward.thawed", b.din()));
                    return redirectPrepare(form.din());
                },
                () -> preparePage(form.din(), model));
    }

    @PostMapping("/prepare/divide")
    @PreAuthorize("hasRole('NURSE')")
    String divide(
            @Valid @ModelAttribute("divide") WardForms.DivideForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    PreparationView p = preparations.prepare(form.din(), form.syringes(), form.remainderReason());
                    flash.addFlashAttribute(
                            "success", messages.get("ward.divided", p.aliquots().size(), p.remainderMl()));
                    return redirectPrepare(form.din());
                },
                () -> preparePage(form.din(), model));
    }

    private static String redirectPrepare(String din) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/ward/prepare")
                        .queryParam("din", din.strip())
                        .encode()
                        .toUriString();
    }

    // ---- the bedside check

    @GetMapping("/bedside")
    @PreAuthorize("hasRole('NURSE')")
    String bedside(@RequestParam(name = "infant", required = false) String infantCode, Model model) {
        return bedsidePage(infantCode, model);
    }

    private String bedsidePage(String infantCode, Model model) {
        String code = infantCode == null ? "" : infantCode.strip();
        model.addAttribute("infantCode", code);
        InfantView infant = code.isEmpty() ? null : dispensing.findByCode(code).orElse(null);
        if (!code.isEmpty() && infant == null) {
            model.addAttribute("lookupError", messages.get("ward.bedside.infant.unknown", code));
        }
        model.addAttribute("infant", infant);
        if (!model.containsAttribute("checkForm")) {
            model.addAttribute("checkForm", new WardForms.CheckForm(code, null));
        }
        if (model.containsAttribute("check") && !model.containsAttribute("feedForm")) {
            BedsideCheck check = (BedsideCheck) model.getAttribute("check");
            model.addAttribute(
                    "feedForm",
                    new WardForms.FeedForm(
                            check.infant().infantCode(),
                            check.milk().code(),
                            check.milk().volumeMl(),
                            check.nearMissId(),
                            null,
                            null,
                            null));
        }
        return "ward/bedside";
    }

    @PostMapping("/bedside/check")
    @PreAuthorize("hasRole('NURSE')")
    String check(
            @Valid @ModelAttribute("checkForm") WardForms.CheckForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    BedsideCheck check = bedside.check(form.infantCode(), form.milkCode());
                    flash.addFlashAttribute("check", check);
                    return redirectBedside(form.infantCode());
                },
                () -> bedsidePage(form.infantCode(), model));
    }

    @PostMapping("/bedside/feed")
    @PreAuthorize("hasRole('NURSE')")
    String feed(
            @Valid @ModelAttribute("feedForm") WardForms.FeedForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    BedsideCheck check = bedside.feed(form.request());
                    if (check.feedId() != null) {
                        flash.addFlashAttribute(
                                "success",
                                messages.get(
                                        "ward.fed",
                                        form.volumeMl(),
                                        check.milk().label(),
                                        check.infant().infantCode()));
                    } else {
                        flash.addFlashAttribute("check", check);
                    }
                    return redirectBedside(form.infantCode());
                },
                () -> {
                    // the check the nurse answered is drawn again with her reasons beside the fields
                    try {
                        model.addAttribute(
                                "check", bedside.preview(form.infantCode(), form.milkCode(), form.nearMissId()));
                    } catch (RuleViolation ignored) {
                        // the codes themselves were refused: the form shows why
                    }
                    return bedsidePage(form.infantCode(), model);
                });
    }

    private static String redirectBedside(String infantCode) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/ward/bedside")
                        .queryParam("infant", infantCode.strip())
                        .encode()
                        .toUriString();
    }

    // ---- the infant's record

    @GetMapping("/infants/{id}")
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER', 'MANAGER')")
    String record(@PathVariable UUID id, Model model) {
        model.addAttribute("record", records.of(id));
        return "ward/record";
    }

    // ---- near misses

    @GetMapping("/near-misses")
    @PreAuthorize("hasRole('MANAGER')")
    String nearMisses(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model,
            Locale locale) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusMonths(11).withDayOfMonth(1) : from;
        if (start.isAfter(end)) {
            LocalDate swap = start;
            start = end;
            end = swap;
        }
        List<WardRecords.NearMissCount> counts = records.nearMissCounts(start, end);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("counts", counts);
        // the chart: one bar series per reason over the months
        Set<String> months = new LinkedHashSet<>();
        counts.stream().map(c -> c.month().toString()).sorted().forEach(months::add);
        Map<BedsideRefusal, long[]> series = new LinkedHashMap<>();
        List<String> monthList = List.copyOf(months);
        for (WardRecords.NearMissCount c : counts) {
            long[] row = series.computeIfAbsent(c.reason(), r -> new long[monthList.size()]);
            row[monthList.indexOf(c.month().toString())] += c.count();
        }
        model.addAttribute("chartMonths", String.join("|", monthList));
        model.addAttribute(
                "chartSeries",
                series.entrySet().stream()
                        .map(e ->
                                messages.get("enum.BedsideRefusal." + e.getKey().name()) + "="
                                        + String.join(
                                                ",",
                                                java.util.Arrays.stream(e.getValue())
                                                        .mapToObj(String::valueOf)
                                                        .toList()))
                        .reduce((a, b) -> a + "|" + b)
                        .orElse(""));
        return "ward/near-misses";
    }
}
