package org.openmilkbank.network.web;

import jakarta.validation.Valid;
import org.openmilkbank.network.NetworkHub;
import org.openmilkbank.network.NewNetworkBank;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The hub's register of banks for its coordinator: every bank with its country, region, size, enrolled or waiting
 * and its last batch; registering a bank issues its one-time enrolment code, shown once. Each bank's page shows its
 * keys' fingerprints, its batches and its refusals.
 */
@Controller
@RequestMapping("/hub/banks")
@PreAuthorize(HubBanksController.VIEW)
class HubBanksController {

    static final String VIEW = "hasAnyRole('NETWORK_COORDINATOR', 'ADMIN')";
    static final String ACT = "hasRole('NETWORK_COORDINATOR')";

    private final NetworkHub hub;
    private final History history;
    private final Forms forms;
    private final Messages messages;

    HubBanksController(NetworkHub hub, History history, Forms forms, Messages messages) {
        this.hub = hub;
        this.history = history;
        this.forms = forms;
        this.messages = messages;
    }

    @InitBinder
    void constructorOnly(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
    }

    @GetMapping
    @PreAuthorize(VIEW)
    String list(Model model) {
        return listPage(model);
    }

    private String listPage(Model model) {
        model.addAttribute("banks", hub.banks());
        model.addAttribute("hubFingerprint", hub.hubKeyFingerprint());
        if (!model.containsAttribute("bank")) {
            model.addAttribute("bank", new NewNetworkBank("", "", "", null, ""));
        }
        return "network/hub-banks";
    }

    /** Registers a bank waiting for enrolment; its page shows the one-time code this once. */
    @PostMapping
    @PreAuthorize(ACT)
    String register(
            @Valid @ModelAttribute("bank") NewNetworkBank bank,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    NetworkHub.IssuedCode issued = hub.registerForEnrolment(bank);
                    flash.addFlashAttribute("issuedCode", issued);
                    flash.addFlashAttribute("success", messages.get("network.hub.registered", issued.facilityCode()));
                    return "redirect:/hub/banks/" + UriUtils.encodePathSegment(issued.facilityCode(), "UTF-8");
                },
                () -> listPage(model));
    }

    /** The coordinator's paste of a bank's public key, read to her by its manager. */
    record PastedKey(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200)
            String publicKey) {}

    @GetMapping("/{facilityCode}")
    @PreAuthorize(VIEW)
    String bank(
            @PathVariable String facilityCode,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        return bankPage(facilityCode, page, size, model);
    }

    /** Enrols a key pasted by the coordinator; the bank's earlier keys are kept. */
    @PostMapping("/{facilityCode}/key")
    @PreAuthorize(ACT)
    String pasteKey(
            @PathVariable String facilityCode,
            @Valid @ModelAttribute("pastedKey") PastedKey form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    NetworkHub.BankView bank = hub.enrolPastedKey(facilityCode, form.publicKey());
                    flash.addFlashAttribute(
                            "success",
                            messages.get("network.hub.keyEnrolled", bank.facilityCode(), bank.keyFingerprint()));
                    return "redirect:/hub/banks/" + UriUtils.encodePathSegment(bank.facilityCode(), "UTF-8");
                },
                () -> bankPage(facilityCode, null, null, model));
    }

    private String bankPage(String facilityCode, Integer page, Integer size, Model model) {
        NetworkHub.BankView bank = hub.bank(facilityCode);
        if (!model.containsAttribute("pastedKey")) {
            model.addAttribute("pastedKey", new PastedKey(""));
        }
        model.addAttribute("b", bank);
        model.addAttribute("batches", hub.batches(bank.facilityCode(), PageRequest.of(page, size)));
        model.addAttribute("refusals", hub.refusals(bank.facilityCode(), 100));
        model.addAttribute("codes", hub.codes(bank.facilityCode()));
        model.addAttribute("keys", hub.keys(bank.facilityCode()));
        model.addAttribute("hubFingerprint", hub.hubKeyFingerprint());
        model.addAttribute("history", history.of("NetworkBank", bank.id()));
        return "network/hub-bank";
    }

    /** A new one-time code for the bank (its code expired, or it enrols a new key); shown this once. */
    @PostMapping("/{facilityCode}/codes")
    @PreAuthorize(ACT)
    String issueCode(@PathVariable String facilityCode, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("issuedCode", hub.issueCode(facilityCode));
        } catch (RuleViolation refused) {
            flash.addFlashAttribute("error", messages.of(refused));
        }
        return "redirect:/hub/banks/" + UriUtils.encodePathSegment(facilityCode, "UTF-8");
    }
}
