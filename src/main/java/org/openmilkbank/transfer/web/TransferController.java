package org.openmilkbank.transfer.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.openmilkbank.transfer.HubTransfers;
import org.openmilkbank.transfer.TransferForms;
import org.openmilkbank.transfer.TransferView;
import org.openmilkbank.transfer.Transfers;
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

/** The pages of transfers: the bank's own (sent and received) and the hub's list of transfers between banks. */
@Controller
@PreAuthorize(TransferRoles.VIEW)
class TransferController {

    private final Transfers transfers;
    private final HubTransfers hub;
    private final Forms forms;
    private final Messages messages;

    TransferController(Transfers transfers, HubTransfers hub, Forms forms, Messages messages) {
        this.transfers = transfers;
        this.hub = hub;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/network/transfers")
    @PreAuthorize(TransferRoles.VIEW)
    String list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        return listPage(PageRequest.of(page, size), model);
    }

    private String listPage(PageRequest page, Model model) {
        Paged<TransferView> paged = transfers.list(page);
        model.addAttribute("paged", paged);
        model.addAttribute("transfers", paged.items());
        if (!model.containsAttribute("newTransfer")) {
            model.addAttribute("newTransfer", new TransferForms.NewTransfer("", ""));
        }
        return "transfer/transfers";
    }

    @PostMapping("/network/transfers")
    @PreAuthorize(TransferRoles.ACT)
    String create(
            @Valid @ModelAttribute("newTransfer") TransferForms.NewTransfer form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    TransferView t = transfers.create(form);
                    flash.addFlashAttribute("success", messages.get("transfer.created"));
                    return "redirect:/network/transfers/" + t.id();
                },
                () -> listPage(PageRequest.of(null, null), model));
    }

    @GetMapping("/network/transfers/{id}")
    @PreAuthorize(TransferRoles.VIEW)
    String transfer(@PathVariable UUID id, Model model) {
        return transferPage(id, model);
    }

    private String transferPage(UUID id, Model model) {
        model.addAttribute("transfer", transfers.find(id));
        model.addAttribute("history", transfers.history(id));
        if (!model.containsAttribute("scan")) {
            model.addAttribute("scan", new TransferForms.Scan(""));
        }
        if (!model.containsAttribute("dispatch")) {
            model.addAttribute("dispatch", new TransferForms.Dispatch("", ""));
        }
        if (!model.containsAttribute("removal")) {
            model.addAttribute("removal", new TransferForms.Removal("", ""));
        }
        if (!model.containsAttribute("arrival")) {
            model.addAttribute("arrival", new TransferForms.Arrival("", null));
        }
        return "transfer/transfer";
    }

    @PostMapping("/network/transfers/{id}/bottles")
    @PreAuthorize(TransferRoles.ACT)
    String addBottle(
            @PathVariable UUID id,
            @Valid @ModelAttribute("scan") TransferForms.Scan form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    transfers.addBottle(id, form);
                    flash.addFlashAttribute("success", messages.get("transfer.added"));
                    return "redirect:/network/transfers/" + id;
                },
                () -> transferPage(id, model));
    }

    @PostMapping("/network/transfers/{id}/removals")
    @PreAuthorize(TransferRoles.ACT)
    String removeBottle(
            @PathVariable UUID id,
            @Valid @ModelAttribute("removal") TransferForms.Removal form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    transfers.removeBottle(id, form);
                    flash.addFlashAttribute("success", messages.get("transfer.removed"));
                    return "redirect:/network/transfers/" + id;
                },
                () -> transferPage(id, model));
    }

    @PostMapping("/network/transfers/{id}/dispatch")
    @PreAuthorize(TransferRoles.ACT)
    String dispatch(
            @PathVariable UUID id,
            @Valid @ModelAttribute("dispatch") TransferForms.Dispatch form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    transfers.dispatch(id, form);
                    flash.addFlashAttribute("success", messages.get("transfer.dispatched"));
                    return "redirect:/network/transfers/" + id;
                },
                () -> transferPage(id, model));
    }

    @PostMapping("/network/transfers/{id}/arrivals")
    @PreAuthorize(TransferRoles.RECEIVE)
    String arrive(
            @PathVariable UUID id,
            @Valid @ModelAttribute("arrival") TransferForms.Arrival form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    transfers.arrive(id, form);
                    flash.addFlashAttribute("success", messages.get("transfer.arrivalRecorded"));
                    return "redirect:/network/transfers/" + id;
                },
                () -> transferPage(id, model));
    }

    @GetMapping("/hub/transfers")
    @PreAuthorize(TransferRoles.HUB_VIEW)
    String hubTransfers(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        Paged<HubTransfers.HubTransfer> paged = hub.list(PageRequest.of(page, size));
        model.addAttribute("paged", paged);
        model.addAttribute("transfers", paged.items());
        return "transfer/hub-transfers";
    }
}
