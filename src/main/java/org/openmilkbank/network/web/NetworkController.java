package org.openmilkbank.network.web;

import jakarta.validation.Valid;
import org.openmilkbank.network.NetworkEnrolment;
import org.openmilkbank.network.NetworkInbox;
import org.openmilkbank.network.NetworkLink;
import org.openmilkbank.network.NetworkOutbox;
import org.openmilkbank.network.NetworkSharing;
import org.openmilkbank.network.NetworkSync;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bank's network page: its hub and both keys' fingerprints, enrolment with a code, the last exchange and "Send
 * now", the consents, what left (the outbox, each entry's JSON) and what came (the inbox).
 */
@Controller
@RequestMapping("/network")
@PreAuthorize(NetworkController.VIEW)
class NetworkController {

    static final String VIEW = "hasAnyRole('MANAGER', 'ADMIN')";
    static final String ACT = "hasRole('MANAGER')";

    private final NetworkLink link;
    private final NetworkEnrolment enrolment;
    private final NetworkSync sync;
    private final NetworkOutbox outbox;
    private final NetworkInbox inbox;
    private final NetworkSharing sharing;
    private final History history;
    private final Forms forms;
    private final Messages messages;

    NetworkController(
            NetworkLink link,
            NetworkEnrolment enrolment,
            NetworkSync sync,
            NetworkOutbox outbox,
            NetworkInbox inbox,
            NetworkSharing sharing,
            History history,
            Forms forms,
            Messages messages) {
        this.link = link;
        this.enrolment = enrolment;
        this.sync = sync;
        this.outbox = outbox;
        this.inbox = inbox;
        this.sharing = sharing;
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
    String page(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        return networkPage(page, size, model);
    }

    private String networkPage(Integer page, Integer size, Model model) {
        var current = link.current();
        model.addAttribute("link", current.orElse(null));
        model.addAttribute(
                "hubFingerprint",
                current.map(l -> KeyText.fingerprint(l.hubPublicKey())).orElse(null));
        model.addAttribute("bankFingerprint", enrolment.bankKeyFingerprint());
        model.addAttribute("facilityCode", enrolment.facilityCode());
        model.addAttribute("syncStatus", sync.status().orElse(null));
        model.addAttribute("hasHub", sync.hasHub());
        model.addAttribute("outbox", outbox.entries(PageRequest.of(page, size)));
        model.addAttribute("inbox", inbox.entries(PageRequest.first()));
        model.addAttribute("sharesEvents", sharing.sharesEvents());
        model.addAttribute("named", sharing.namedToPeers());
        model.addAttribute("sharingChanges", sharing.changes());
        model.addAttribute("linkHistory", history.of("NetworkLink", NetworkLink.HISTORY_ID));
        if (!model.containsAttribute("enrol")) {
            model.addAttribute(
                    "enrol",
                    new NetworkEnrolment.EnrolForm(
                            current.map(l -> l.hubUrl().toString()).orElse(""), ""));
        }
        if (!model.containsAttribute("sharing")) {
            model.addAttribute(
                    "sharing", new NetworkSharing.SharingForm(sharing.sharesEvents(), sharing.namedToPeers(), ""));
        }
        return "network/network";
    }

    /** One outbox entry's exact JSON, as it left (or will leave) the bank. */
    @GetMapping(path = "/outbox/{sequence}", produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(VIEW)
    @org.springframework.web.bind.annotation.ResponseBody
    String outboxEntry(@org.springframework.web.bind.annotation.PathVariable long sequence) {
        return outbox.entry(sequence)
                .map(NetworkOutbox.Entry::payload)
                .orElseThrow(() -> new org.openmilkbank.shared.NotFound("network.outbox.notFound", sequence));
    }

    /** One inbox message's JSON, as the hub sent it. */
    @GetMapping(path = "/inbox/{sequence}", produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(VIEW)
    @org.springframework.web.bind.annotation.ResponseBody
    String inboxEntry(@org.springframework.web.bind.annotation.PathVariable long sequence) {
        return inbox.payload(sequence)
                .orElseThrow(() -> new org.openmilkbank.shared.NotFound("network.inbox.notFound", sequence));
    }

    /** Enrols the bank with the hub by its one-time code; the page then shows both keys' fingerprints. */
    @PostMapping("/enrol")
    @PreAuthorize(ACT)
    String enrol(
            @Valid @ModelAttribute("enrol") NetworkEnrolment.EnrolForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    NetworkLink.Link linked = enrolment.enrol(form);
                    flash.addFlashAttribute(
                            "success",
                            messages.get(
                                    "network.enrolled.flash",
                                    linked.hubUrl().toString(),
                                    KeyText.fingerprint(linked.hubPublicKey())));
                    return "redirect:/network";
                },
                () -> networkPage(null, null, model));
    }

    /** "Send now": the outbox leaves and the hub's messages are fetched; the flash says what happened. */
    @PostMapping("/sync")
    @PreAuthorize(ACT)
    String syncNow(RedirectAttributes flash) {
        try {
            NetworkSync.Result result = sync.syncNow();
            if (result.succeeded()) {
                flash.addFlashAttribute("success", messages.get("network.sync.done", result.sent(), result.fetched()));
            } else {
                flash.addFlashAttribute(
                        "error",
                        messages.get("network.sync.partly", result.sent(), result.fetched())
                                + " "
                                + messages.of(result.failure().get()));
            }
        } catch (RuleViolation refused) {
            flash.addFlashAttribute("error", messages.of(refused));
        }
        return "redirect:/network";
    }

    /** Changes the bank's consents, with a reason; the hub learns it by the outbox. */
    @PostMapping("/sharing")
    @PreAuthorize(ACT)
    String changeSharing(
            @Valid @ModelAttribute("sharing") NetworkSharing.SharingForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    sharing.change(form);
                    flash.addFlashAttribute("success", messages.get("network.sharing.changed"));
                    return "redirect:/network";
                },
                () -> networkPage(null, null, model));
    }
}
