package org.openmilkbank.collection.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RawContainerDetail;
import org.openmilkbank.labeling.LabelFormat;
import org.openmilkbank.labeling.LabelPrinter;
import org.openmilkbank.labeling.LabelPrints;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Received donations and the raw store, container by container. */
@Controller
@PreAuthorize(ReceptionController.VIEW)
class ContainerController {

    private final CollectionManagement collection;
    private final History history;
    private final Messages messages;
    private final LabelPrinter printer;
    private final LabelPrints labelPrints;
    private final Forms forms;

    ContainerController(
            CollectionManagement collection,
            History history,
            Messages messages,
            LabelPrinter printer,
            LabelPrints labelPrints,
            Forms forms) {
        this.forms = forms;
        this.collection = collection;
        this.history = history;
        this.messages = messages;
        this.printer = printer;
        this.labelPrints = labelPrints;
    }

    @GetMapping("/donations/{id}")
    @PreAuthorize(ReceptionController.VIEW)
    String donation(@PathVariable UUID id, Model model) {
        DonationView donation =
                collection.findDonation(id).orElseThrow(() -> new NotFound("collection.donation.notFound", id));
        model.addAttribute("donation", donation);
        model.addAttribute(
                "labels",
                donation.containers().stream()
                        .map(c -> Din.parse(c.din()).withCheck())
                        .toList());
        model.addAttribute("history", history.of(CollectionManagement.DONATION, id));
        model.addAttribute("formats", LabelFormat.values());
        model.addAttribute("outputs", LabelPrinter.Output.values());
        model.addAttribute(
                "printedBefore",
                !donation.labelled().isEmpty()
                        && printer.anyPrinted(collection.labelsOfDonation(id, LocaleContextHolder.getLocale())));
        return "collection/donation";
    }

    @GetMapping("/containers")
    @PreAuthorize(ReceptionController.VIEW)
    String containers(
            @RequestParam(required = false) ContainerState state,
            @RequestParam(required = false) String din,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        if (din != null && !din.isBlank()) {
            return "redirect:/containers/" + Din.parse(din).withCheck();
        }
        model.addAttribute("state", state);
        model.addAttribute("states", ContainerState.values());
        Paged<org.openmilkbank.collection.RawContainerView> paged =
                collection.containers(state, PageRequest.of(page, size));
        List<org.openmilkbank.collection.RawContainerView> found = paged.items();
        model.addAttribute("containers", found);
        model.addAttribute("paged", paged);
        // the active holds of every listed container in one query: shown beside the state
        model.addAttribute(
                "holds",
                collection.activeHolds(found.stream()
                        .map(org.openmilkbank.collection.RawContainerView::id)
                        .toList()));
        return "collection/containers";
    }

    @GetMapping("/containers/{din}")
    @PreAuthorize(ReceptionController.VIEW)
    String container(@PathVariable String din, Model model) {
        return containerPage(din, model);
    }

    private String containerPage(String din, Model model) {
        RawContainerDetail detail =
                collection.container(din).orElseThrow(() -> new NotFound("collection.container.notFound", din));
        model.addAttribute("detail", detail);
        model.addAttribute("c", detail.container());
        model.addAttribute("label", Din.parse(detail.container().din()).withCheck());
        model.addAttribute("formats", LabelFormat.values());
        model.addAttribute("outputs", LabelPrinter.Output.values());
        model.addAttribute(
                "printedBefore",
                labelPrints.printedBefore(Din.parse(detail.container().din())));
        model.addAttribute(
                "history",
                history.of(CollectionManagement.CONTAINER, detail.container().id()));
        if (!model.containsAttribute("discard")) {
            model.addAttribute("discard", CollectionApiController.Reason.blank());
        }
        return "collection/container";
    }

    /** The donor's receipt slip: what was received, held and rejected. */
    @GetMapping("/donations/{id}/receipt.pdf")
    @PreAuthorize(ReceptionController.VIEW)
    ResponseEntity<byte[]> receiptSlip(@PathVariable UUID id) {
        byte[] pdf = collection.receiptSlip(id, LocaleContextHolder.getLocale());
        return file(new LabelPrinter.Printout(pdf, "application/pdf", "receipt-" + id + ".pdf"));
    }

    /** Labels for every kept container of the donation; printing again needs the reprint reason. */
    @PostMapping("/donations/{id}/labels")
    @PreAuthorize(ReceptionController.ACT)
    ResponseEntity<byte[]> donationLabels(
            @PathVariable UUID id,
            @RequestParam(required = false) LabelFormat format,
            @RequestParam(required = false) LabelPrinter.Output output,
            @RequestParam(required = false) Integer start,
            @RequestParam(required = false) String reason) {
        Locale locale = LocaleContextHolder.getLocale();
        return download(printer.print(
                collection.labelsOfDonation(id, locale),
                format,
                output,
                start,
                reason,
                locale,
                "labels-donation-" + id));
    }

    @PostMapping("/containers/{din}/labels")
    @PreAuthorize(ReceptionController.ACT)
    ResponseEntity<byte[]> containerLabel(
            @PathVariable String din,
            @RequestParam(required = false) LabelFormat format,
            @RequestParam(required = false) LabelPrinter.Output output,
            @RequestParam(required = false) Integer start,
            @RequestParam(required = false) String reason) {
        Locale locale = LocaleContextHolder.getLocale();
        var label = collection.labelOfContainer(din, locale);
        return download(printer.print(
                List.of(label),
                format,
                output,
                start,
                reason,
                locale,
                "label-" + label.din().withCheck()));
    }

    /** Labels download, so that a refused print comes back to the page it was asked from, with its message. */
    static ResponseEntity<byte[]> download(LabelPrinter.Printout printout) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(printout.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(printout.filename())
                                .build()
                                .toString())
                .body(printout.content());
    }

    static ResponseEntity<byte[]> file(LabelPrinter.Printout printout) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(printout.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(printout.filename())
                                .build()
                                .toString())
                .body(printout.content());
    }

    @PostMapping("/containers/{din}/discard")
    @PreAuthorize(ReceptionController.ACT)
    String discard(
            @PathVariable String din,
            @Valid @ModelAttribute("discard") CollectionApiController.Reason discard,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    var container = collection.discardContainer(din, discard.reason());
                    String label = Din.parse(container.din()).withCheck();
                    flash.addFlashAttribute("success", messages.get("collection.container.discardedFlash", label));
                    return "redirect:/containers/" + label;
                },
                () -> containerPage(din, model));
    }
}
