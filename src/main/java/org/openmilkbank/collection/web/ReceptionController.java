package org.openmilkbank.collection.web;

import jakarta.validation.Valid;
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
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

    /** The scanned donor and whether milk expressed today may be accepted from her. */
    record DonorPanel(DonorView donor, boolean eligibleToday, List<String> reasons) {}

    private final CollectionManagement collection;
    private final DonorManagement donors;
    private final Messages messages;
    private final Clock clock;
    private final Logistics logistics;
    private final Forms forms;

    ReceptionController(
            CollectionManagement collection,
            DonorManagement donors,
            Messages messages,
            Clock clock,
            Logistics logistics,
            Forms forms) {
        this.forms = forms;
        this.logistics = logistics;
        this.collection = collection;
        this.donors = donors;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    String form(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("reception", ReceptionForm.blank(code));
        return page(model, code);
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
        model.addAttribute("row", ReceptionForm.Line.blank(LocalDate.now(clock)));
        model.addAttribute("index", 0);
        model.addAttribute("conditions", ContainerCondition.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "collection/reception :: row";
    }

    /**
     * Receives the donation as typed; an invalid or refused one draws the page again with every container's line as
     * typed and the reason beside the line and field it is about.
     */
    @PostMapping
    @PreAuthorize(ACT)
    String receive(
            // bound through its constructor only: the spare empty lines it drops have no element to bind into
            @Valid @ModelAttribute(name = "reception", binding = false) ReceptionForm reception,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    try {
                        DonationView donation = receive(reception);
                        flash.addFlashAttribute(
                                "success",
                                messages.get(
                                        "collection.reception.receivedOutcome",
                                        donation.lines().size(),
                                        donation.donorCode(),
                                        donation.accepted().size(),
                                        donation.held().size(),
                                        donation.rejected().size()));
                        return "redirect:/donations/" + donation.id();
                    } catch (RuleViolation refused) {
                        // the page has one "amount" with its unit where the rules speak of volume or weight
                        refused.field()
                                .filter(f -> f.endsWith(".volumeMl") || f.endsWith(".weightG"))
                                .ifPresent(f -> refused.on(f.substring(0, f.lastIndexOf('.')) + ".amount"));
                        throw refused;
                    }
                },
                () -> page(model, reception.donorCode()));
    }

    private DonationView receive(ReceptionForm form) {
        DonorView donor = donors.findByCode(form.donorCode())
                .orElseThrow(() ->
                        new RuleViolation("collection.reception.donorCodeUnknown", form.donorCode()).on("donorCode"));
        // a scanned box brings its cold-chain verdict: a broken chain rejects every container in it
        UUID boxId = form.boxCode().isEmpty()
                ? null
                : logistics
                        .findBox(form.boxCode())
                        .map(BoxView::id)
                        .orElseThrow(() ->
                                new RuleViolation("collection.reception.boxUnknown", form.boxCode()).on("boxCode"));
        return collection.receive(
                donor.id(), boxId, intakes(form.containers()), form.note(), receivedAt(form.receivedAt()));
    }

    /** The "Received at" field: a local date and time in the bank's zone; empty means now. */
    private Instant receivedAt(String typed) {
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RuleViolation("collection.reception.receivedAtNotATime", typed).on("receivedAt");
        }
    }

    private String page(Model model, String code) {
        ReceptionForm form = (ReceptionForm) model.getAttribute("reception");
        addDonor(model, code);
        model.addAttribute("code", code);
        model.addAttribute("rows", form.lines(LocalDate.now(clock)));
        // a line's reasons are shown beside it only for lines that were typed (the blank spare line has none)
        model.addAttribute("typedRows", !form.containers().isEmpty());
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

    private static List<ContainerIntake> intakes(List<ReceptionForm.Line> lines) {
        List<ContainerIntake> intakes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReceptionForm.Line row = lines.get(i);
            int number = i + 1;
            String at = "containers[" + i + "].";
            int amount;
            try {
                amount = Integer.parseInt(row.amount());
            } catch (NumberFormatException e) {
                throw new RuleViolation("collection.reception.amountNotANumber", number, row.amount())
                        .on(at + "amount");
            }
            LocalDate expressedOn;
            LocalTime expressedAt;
            try {
                expressedOn = row.expressedOn().isEmpty() ? null : LocalDate.parse(row.expressedOn());
            } catch (DateTimeParseException e) {
                throw new RuleViolation("collection.reception.dateNotADate", number, row.expressedOn())
                        .on(at + "expressedOn");
            }
            try {
                expressedAt = row.expressedAt().isEmpty() ? null : LocalTime.parse(row.expressedAt());
            } catch (DateTimeParseException e) {
                throw new RuleViolation("collection.reception.timeNotATime", number, row.expressedAt())
                        .on(at + "expressedAt");
            }
            ContainerCondition condition;
            try {
                condition = ContainerCondition.valueOf(row.condition());
            } catch (IllegalArgumentException e) {
                throw new RuleViolation("collection.reception.conditionUnknown", number, row.condition())
                        .on(at + "condition");
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
