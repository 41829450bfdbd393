package org.openmilkbank.collection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerIntake;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.Eligibility;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reception at the bank, built for a barcode scanner: scan the donor's code, type each container's volume
 * and expression date, receive. A refusal keeps what was typed so that only the wrong line needs fixing.
 */
@Controller
@RequestMapping("/reception")
@PreAuthorize(ReceptionController.VIEW)
class ReceptionController {

    static final String VIEW = "hasAnyRole('DONOR_COORDINATOR', 'LAB_TECHNICIAN', 'MANAGER')";
    static final String ACT = "hasAnyRole('DONOR_COORDINATOR', 'LAB_TECHNICIAN')";

    /** One container line of the form as typed, kept to redraw the form after a refusal. */
    record Row(String volumeMl, String expressedOn) {}

    /** The scanned donor and whether milk expressed today may be accepted from her. */
    record DonorPanel(DonorView donor, boolean eligibleToday, List<String> reasons) {}

    private final CollectionManagement collection;
    private final DonorManagement donors;
    private final Messages messages;
    private final Clock clock;

    ReceptionController(CollectionManagement collection, DonorManagement donors, Messages messages, Clock clock) {
        this.collection = collection;
        this.donors = donors;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    String form(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("rows", List.of(new Row("", LocalDate.now(clock).toString())));
        addDonor(model, code);
        return page(model, code, null);
    }

    @GetMapping("/donor")
    @PreAuthorize(VIEW)
    String donor(@RequestParam(required = false) String code, Model model) {
        addDonor(model, code);
        model.addAttribute("code", code);
        return "collection/reception :: donor";
    }

    @GetMapping("/row")
    @PreAuthorize(VIEW)
    String row(Model model) {
        model.addAttribute("row", new Row("", LocalDate.now(clock).toString()));
        model.addAttribute("today", LocalDate.now(clock));
        return "collection/reception :: row";
    }

    @PostMapping
    @PreAuthorize(ACT)
    String receive(
            @RequestParam(required = false) String donorCode,
            @RequestParam(name = "volumeMl", required = false) List<String> volumes,
            @RequestParam(name = "expressedOn", required = false) List<String> dates,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes flash) {
        List<Row> rows = rows(volumes, dates);
        try {
            DonorView donor = donors.findByCode(donorCode)
                    .orElseThrow(() -> new RuleViolation(
                            "collection.reception.donorCodeUnknown", donorCode == null ? "" : donorCode.strip()));
            DonationView donation = collection.receive(donor.id(), intakes(rows), note);
            flash.addFlashAttribute(
                    "success",
                    messages.get(
                            "collection.reception.received",
                            donation.containers().size(),
                            donor.code()));
            return "redirect:/donations/" + donation.id();
        } catch (RuleViolation e) {
            model.addAttribute(
                    "rows",
                    rows.isEmpty() ? List.of(new Row("", LocalDate.now(clock).toString())) : rows);
            model.addAttribute("note", note);
            addDonor(model, donorCode);
            return page(model, donorCode, messages.of(e));
        }
    }

    private String page(Model model, String code, String error) {
        model.addAttribute("code", code);
        model.addAttribute("error", error);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("maxVolume", CollectionManagement.MAX_CONTAINER_VOLUME_ML);
        return "collection/reception";
    }

    private void addDonor(Model model, String code) {
        if (code == null || code.isBlank()) {
            return;
        }
        donors.findByCode(code)
                .ifPresentOrElse(
                        d -> {
                            Eligibility e = donors.eligibilityOn(d.id(), LocalDate.now(clock));
                            model.addAttribute(
                                    "panel",
                                    new DonorPanel(
                                            d,
                                            e.eligible(),
                                            e.reasons().stream()
                                                    .map(r -> messages.get(
                                                            r.code(), r.args().toArray()))
                                                    .toList()));
                        },
                        () -> model.addAttribute(
                                "donorError", messages.get("collection.reception.donorCodeUnknown", code.strip())));
    }

    /** The typed lines, without lines left entirely empty (the spare line at the end). */
    private static List<Row> rows(List<String> volumes, List<String> dates) {
        List<String> v = volumes == null ? List.of() : volumes;
        List<String> d = dates == null ? List.of() : dates;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(v.size(), d.size()); i++) {
            String volume = i < v.size() && v.get(i) != null ? v.get(i).strip() : "";
            String date = i < d.size() && d.get(i) != null ? d.get(i).strip() : "";
            if (!volume.isEmpty() || !date.isEmpty()) {
                rows.add(new Row(volume, date));
            }
        }
        return rows;
    }

    private static List<ContainerIntake> intakes(List<Row> rows) {
        List<ContainerIntake> intakes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int volume;
            try {
                volume = Integer.parseInt(row.volumeMl());
            } catch (NumberFormatException e) {
                throw new RuleViolation("collection.reception.volumeNotANumber", i + 1, row.volumeMl());
            }
            LocalDate expressedOn;
            try {
                expressedOn = row.expressedOn().isEmpty() ? null : LocalDate.parse(row.expressedOn());
            } catch (java.time.format.DateTimeParseException e) {
                throw new RuleViolation("collection.reception.dateNotADate", i + 1, row.expressedOn());
            }
            intakes.add(new ContainerIntake(volume, expressedOn));
        }
        return intakes;
    }
}
