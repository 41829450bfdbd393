package org.openmilkbank.collection.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerCondition;
import org.openmilkbank.collection.ContainerIntake;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.donor.ClinicalRights;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.Eligibility;
import org.openmilkbank.logistics.BoxView;
import org.openmilkbank.logistics.Logistics;
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
 * Reception at the bank, built for a barcode scanner: scan the donor's code, then for each container scan her
 * label (or type) the volume or weight, expression date and time and condition; Enter moves on; finish. Each
 * container is accepted, held or rejected; an input error refuses the whole reception and keeps what was typed
 * so that only the wrong line needs fixing.
 */
@Controller
@RequestMapping("/reception")
@PreAuthorize(ReceptionController.VIEW)
class ReceptionController {

    static final String VIEW = "hasAnyRole('DONOR_COORDINATOR', 'LAB_TECHNICIAN', 'MANAGER')";
    static final String ACT = "hasAnyRole('DONOR_COORDINATOR', 'LAB_TECHNICIAN')";

    /** One container line of the form as typed, kept to redraw the form after a refusal. */
    record Row(String labelCode, String amount, String unit, String expressedOn, String expressedAt, String condition) {

        static Row blank(LocalDate today) {
            return new Row("", "", "ML", today.toString(), "", "INTACT");
        }

        boolean empty() {
            return labelCode.isEmpty() && amount.isEmpty();
        }
    }

    /** The scanned donor and whether milk expressed today may be accepted from her. */
    record DonorPanel(DonorView donor, boolean eligibleToday, List<String> reasons) {}

    private final CollectionManagement collection;
    private final DonorManagement donors;
    private final Messages messages;
    private final Clock clock;
    private final Logistics logistics;

    ReceptionController(
            CollectionManagement collection,
            DonorManagement donors,
            Messages messages,
            Clock clock,
            Logistics logistics) {
        this.logistics = logistics;
        this.collection = collection;
        this.donors = donors;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    String form(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("rows", List.of(Row.blank(LocalDate.now(clock))));
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
        model.addAttribute("row", Row.blank(LocalDate.now(clock)));
        model.addAttribute("conditions", ContainerCondition.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "collection/reception :: row";
    }

    @PostMapping
    @PreAuthorize(ACT)
    String receive(
            @RequestParam(required = false) String donorCode,
            @RequestParam(name = "labelCode", required = false) List<String> labelCodes,
            @RequestParam(name = "amount", required = false) List<String> amounts,
            @RequestParam(name = "volumeMl", required = false) List<String> volumes,
            @RequestParam(name = "unit", required = false) List<String> units,
            @RequestParam(name = "expressedOn", required = false) List<String> dates,
            @RequestParam(name = "expressedAt", required = false) List<String> times,
            @RequestParam(name = "condition", required = false) List<String> conditions,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String boxCode,
            @RequestParam(required = false) String receivedAt,
            Model model,
            RedirectAttributes flash) {
        // a form posting the older volumeMl field still works
        List<Row> rows = rows(labelCodes, amounts == null ? volumes : amounts, units, dates, times, conditions);
        String typedReceivedAt = receivedAt == null ? "" : receivedAt.strip();
        try {
            DonorView donor = donors.findByCode(donorCode)
                    .orElseThrow(() -> new RuleViolation(
                            "collection.reception.donorCodeUnknown", donorCode == null ? "" : donorCode.strip()));
            // a scanned box brings its cold-chain verdict: a broken chain rejects every container in it
            UUID boxId = boxCode == null || boxCode.isBlank()
                    ? null
                    : logistics
                            .findBox(boxCode)
                            .map(BoxView::id)
                            .orElseThrow(() -> new RuleViolation("collection.reception.boxUnknown", boxCode.strip()));
            DonationView donation =
                    collection.receive(donor.id(), boxId, intakes(rows), note, receivedAt(typedReceivedAt));
            flash.addFlashAttribute(
                    "success",
                    messages.get(
                            "collection.reception.receivedOutcome",
                            donation.lines().size(),
                            donor.code(),
                            donation.accepted().size(),
                            donation.held().size(),
                            donation.rejected().size()));
            return "redirect:/donations/" + donation.id();
        } catch (RuleViolation e) {
            model.addAttribute("rows", rows.isEmpty() ? List.of(Row.blank(LocalDate.now(clock))) : rows);
            model.addAttribute("note", note);
            model.addAttribute("boxCode", boxCode);
            model.addAttribute("receivedAt", typedReceivedAt);
            addDonor(model, donorCode);
            return page(model, donorCode, messages.of(e));
        }
    }

    /** The "Received at" field: a local date and time in the bank's zone; empty means now. */
    private Instant receivedAt(String typed) {
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RuleViolation("collection.reception.receivedAtNotATime", typed);
        }
    }

    private String page(Model model, String code, String error) {
        model.addAttribute("code", code);
        model.addAttribute("error", error);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("maxVolume", CollectionManagement.MAX_CONTAINER_VOLUME_ML);
        model.addAttribute("conditions", ContainerCondition.values());
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
                            // why she is not eligible names tests and deferrals: for clinical rights only
                            boolean clinical = ClinicalRights.current();
                            donors.recordHealthRead(
                                    d.id(),
                                    clinical
                                            ? "reception panel: eligibility today with reasons"
                                            : "reception panel: eligibility today");
                            model.addAttribute(
                                    "panel",
                                    new DonorPanel(
                                            d,
                                            e.eligible(),
                                            clinical
                                                    ? e.reasons().stream()
                                                            .map(r -> messages.get(
                                                                    r.code(),
                                                                    r.args().toArray()))
                                                            .toList()
                                                    : List.of()));
                        },
                        () -> model.addAttribute(
                                "donorError", messages.get("collection.reception.donorCodeUnknown", code.strip())));
    }

    /** The typed lines, without lines left empty (no label scanned, no amount: the spare line at the end). */
    private static List<Row> rows(
            List<String> labelCodes,
            List<String> amounts,
            List<String> units,
            List<String> dates,
            List<String> times,
            List<String> conditions) {
        int size = Math.max(size(labelCodes), Math.max(size(amounts), size(dates)));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Row row = new Row(
                    at(labelCodes, i),
                    at(amounts, i),
                    at(units, i).isEmpty() ? "ML" : at(units, i),
                    at(dates, i),
                    at(times, i),
                    at(conditions, i).isEmpty() ? "INTACT" : at(conditions, i));
            if (!row.empty()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null
                ? values.get(i).strip()
                : "";
    }

    private static List<ContainerIntake> intakes(List<Row> rows) {
        List<ContainerIntake> intakes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int number = i + 1;
            int amount;
            try {
                amount = Integer.parseInt(row.amount());
            } catch (NumberFormatException e) {
                throw new RuleViolation("collection.reception.amountNotANumber", number, row.amount());
            }
            LocalDate expressedOn;
            LocalTime expressedAt;
            try {
                expressedOn = row.expressedOn().isEmpty() ? null : LocalDate.parse(row.expressedOn());
            } catch (DateTimeParseException e) {
                throw new RuleViolation("collection.reception.dateNotADate", number, row.expressedOn());
            }
            try {
                expressedAt = row.expressedAt().isEmpty() ? null : LocalTime.parse(row.expressedAt());
            } catch (DateTimeParseException e) {
                throw new RuleViolation("collection.reception.timeNotATime", number, row.expressedAt());
            }
            ContainerCondition condition;
            try {
                condition = ContainerCondition.valueOf(row.condition());
            } catch (IllegalArgumentException e) {
                throw new RuleViolation("collection.reception.conditionUnknown", number, row.condition());
            }
            boolean grams = "G".equalsIgnoreCase(row.unit());
            intakes.add(new ContainerIntake(
                    grams ? null : amount,
                    grams ? amount : null,
                    expressedOn,
                    expressedAt,
                    condition,
                    row.labelCode()));
        }
        return intakes;
    }
}
