package org.openmilkbank.network.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.openmilkbank.network.ExchangeAmendment;
import org.openmilkbank.network.ExchangeEntry;
import org.openmilkbank.network.ExchangePost;
import org.openmilkbank.network.ExchangeReply;
import org.openmilkbank.network.ExchangeWithdrawal;
import org.openmilkbank.network.NetworkExchange;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A bank's page of the network's exchange of milk: the network's shortage alerts, the board of open requests and
 * offers (other banks named by facility code, country and region only), this bank's own posts, and its declared
 * shortage. The manager acts; the manager, the administrator and the dispenser read.
 */
@Controller
@RequestMapping("/network/exchange")
@PreAuthorize(ExchangeController.VIEW)
class ExchangeController {

    static final String VIEW = "hasAnyRole('MANAGER', 'ADMIN', 'DISPENSER')";
    static final String ACT = "hasRole('MANAGER')";

    private final NetworkExchange exchange;
    private final Forms forms;
    private final Messages messages;

    ExchangeController(NetworkExchange exchange, Forms forms, Messages messages) {
        this.exchange = exchange;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    String page(Model model) {
        return exchangePage(model);
    }

    private String exchangePage(Model model) {
        model.addAttribute("facilityCode", exchange.facilityCode());
        model.addAttribute("alerts", exchange.alerts());
        model.addAttribute(
                "board",
                exchange.board().stream()
                        .filter(e -> !e.facilityCode().equals(exchange.facilityCode()))
                        .toList());
        model.addAttribute("own", exchange.own());
        model.addAttribute("declaration", exchange.declaredShortage().orElse(null));
        model.addAttribute("declarationHistory", exchange.declarationHistory());
        model.addAttribute("types", ExchangeEntry.Type.values());
        model.addAttribute("productClasses", ExchangeEntry.ProductClass.values());
        if (!model.containsAttribute("post")) {
            model.addAttribute("post", ExchangePost.blank());
        }
        if (!model.containsAttribute("declare")) {
            model.addAttribute("declare", new ExchangeWithdrawal(null));
        }
        return "network/exchange";
    }

    @PostMapping
    @PreAuthorize(ACT)
    String post(
            @Valid @ModelAttribute("post") ExchangePost post,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    ExchangeEntry entry = exchange.post(post);
                    flash.addFlashAttribute("success", messages.get("network.exchange.postedFlash"));
                    return "redirect:/network/exchange/" + entry.id();
                },
                () -> exchangePage(model));
    }

    @PostMapping("/shortage")
    @PreAuthorize(ACT)
    String declare(
            @Valid @ModelAttribute("declare") ExchangeWithdrawal why,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        boolean declared = exchange.declaredShortage()
                .map(NetworkExchange.Declaration::declared)
                .orElse(false);
        return forms.submit(
                result,
                () -> {
                    exchange.declareShortage(!declared, why);
                    flash.addFlashAttribute(
                            "success",
                            messages.get(declared ? "network.shortage.endedFlash" : "network.shortage.declaredFlash"));
                    return "redirect:/network/exchange";
                },
                () -> exchangePage(model));
    }

    @GetMapping("/{id}")
    @PreAuthorize(VIEW)
    String entry(@PathVariable UUID id, Model model) {
        return entryPage(id, model);
    }

    private String entryPage(UUID id, Model model) {
        boolean own = exchange.isOwn(id);
        ExchangeEntry entry = own ? exchange.own(id) : exchange.boardEntry(id);
        model.addAttribute("entry", entry);
        model.addAttribute("own", own);
        model.addAttribute("history", exchange.history(id));
        if (!model.containsAttribute("amendment")) {
            model.addAttribute("amendment", new ExchangeAmendment(entry.volumeMl(), entry.day(), null));
        }
        if (!model.containsAttribute("withdrawal")) {
            model.addAttribute("withdrawal", new ExchangeWithdrawal(null));
        }
        if (!model.containsAttribute("reply")) {
            model.addAttribute("reply", new ExchangeReply(null, null));
        }
        return "network/exchange-entry";
    }

    @PostMapping("/{id}/amend")
    @PreAuthorize(ACT)
    String amend(
            @PathVariable UUID id,
            @Valid @ModelAttribute("amendment") ExchangeAmendment amendment,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    exchange.amend(id, amendment);
                    flash.addFlashAttribute("success", messages.get("network.exchange.amendedFlash"));
                    return "redirect:/network/exchange/" + id;
                },
                () -> entryPage(id, model));
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize(ACT)
    String withdraw(
            @PathVariable UUID id,
            @Valid @ModelAttribute("withdrawal") ExchangeWithdrawal withdrawal,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    exchange.withdraw(id, withdrawal);
                    flash.addFlashAttribute("success", messages.get("network.exchange.withdrawnFlash"));
                    return "redirect:/network/exchange/" + id;
                },
                () -> entryPage(id, model));
    }

    @PostMapping("/{id}/reply")
    @PreAuthorize(ACT)
    String reply(
            @PathVariable UUID id,
            @Valid @ModelAttribute("reply") ExchangeReply reply,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    exchange.reply(id, reply);
                    flash.addFlashAttribute("success", messages.get("network.exchange.repliedFlash"));
                    return "redirect:/network/exchange/" + id;
                },
                () -> entryPage(id, model));
    }
}
