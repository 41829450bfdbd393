package org.openmilkbank.dispensing.orders.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openmilkbank.dispensing.orders.AcidityBand;
import org.openmilkbank.dispensing.orders.OrderAllocation;
import org.openmilkbank.dispensing.orders.OrderDispatch;
import org.openmilkbank.dispensing.orders.OrderManagement;
import org.openmilkbank.dispensing.orders.OrderReturns;
import org.openmilkbank.dispensing.orders.OrderState;
import org.openmilkbank.dispensing.orders.OrderView;
import org.openmilkbank.dispensing.orders.ReturnReason;
import org.openmilkbank.dispensing.orders.ReturnView;
import org.openmilkbank.dispensing.orders.ShortageMode;
import org.openmilkbank.inventory.EnergyClass;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The orders' pages: the dispenser's list of open orders with shortage mode, and one order with its criteria, its
 * bottles, the bank's proposal to accept or change by scanning, and the ward's amendment and cancellation.
 */
@Controller
@RequestMapping("/orders")
@PreAuthorize("hasAnyRole('NURSE', 'DISPENSER', 'MANAGER')")
class OrderController {

    private final OrderManagement orders;
    private final OrderAllocation allocation;
    private final OrderDispatch dispatch;
    private final OrderReturns returns;
    private final ShortageMode shortage;
    private final History history;
    private final Messages messages;
    private final Forms forms;
    private final Clock clock;

    OrderController(
            OrderManagement orders,
            OrderAllocation allocation,
            OrderDispatch dispatch,
            OrderReturns returns,
            ShortageMode shortage,
            History history,
            Messages messages,
            Forms forms,
            Clock clock) {
        this.orders = orders;
        this.allocation = allocation;
        this.dispatch = dispatch;
        this.returns = returns;
        this.shortage = shortage;
        this.history = history;
        this.messages = messages;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        return listPage(PageRequest.of(page, size), model);
    }

    private String listPage(PageRequest request, Model model) {
        Paged<OrderView> paged = Paged.slice(orders.open(), request);
        model.addAttribute("paged", paged);
        model.addAttribute("orders", paged.items());
        model.addAttribute("shortage", shortage.status());
        model.addAttribute("shortageHistory", shortage.switchHistory());
        if (!model.containsAttribute("shortageSwitch")) {
            model.addAttribute("shortageSwitch", new OrderForms.ShortageSwitch(null, null));
        }
        return "dispensing/orders";
    }

    /** A manager switches shortage mode on or off, with why. */
    @PostMapping("/shortage")
    @PreAuthorize("hasRole('MANAGER')")
    String switchShortage(
            @Valid @ModelAttribute("shortageSwitch") OrderForms.ShortageSwitch form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    shortage.switchTo(form.on(), form.reason());
                    flash.addFlashAttribute(
                            "success",
                            messages.get(form.on() ? "orders.shortage.switchedOn" : "orders.shortage.switchedOff"));
                    return "redirect:/orders";
                },
                () -> listPage(PageRequest.first(), model));
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        return orderPage(id, model);
    }

    private String orderPage(UUID id, Model model) {
        OrderView order = orders.find(id);
        model.addAttribute("order", order);
        model.addAttribute("history", history.of("MilkOrder", id));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute(
                "energyBands", List.of(EnergyClass.HYPOCALORIC, EnergyClass.NORMOCALORIC, EnergyClass.HYPERCALORIC));
        model.addAttribute("acidityBands", AcidityBand.values());
        model.addAttribute("requested", order.state() == OrderState.REQUESTED);
        model.addAttribute("cancellable", order.state().mayMoveTo(OrderState.CANCELLED));
        model.addAttribute("inShortage", shortage.on());
        if (!model.containsAttribute("proposal")) {
            model.addAttribute("proposal", allocation.proposal(id));
        }
        if (!model.containsAttribute("acceptance")) {
            model.addAttribute("acceptance", new OrderForms.Acceptance(null, null));
        }
        if (!model.containsAttribute("swap")) {
            model.addAttribute("swap", new OrderForms.Swap(null, null, null, null));
        }
        model.addAttribute("amendmentRefused", model.containsAttribute("amendment"));
        if (!model.containsAttribute("amendment")) {
            model.addAttribute("amendment", OrderForms.AmendmentForm.of(order));
        }
        model.addAttribute("allocated", order.state() == OrderState.ALLOCATED);
        model.addAttribute("dispatched", order.state() == OrderState.DISPATCHED);
        model.addAttribute("received", order.state() == OrderState.RECEIVED);
        if (!model.containsAttribute("receipt")) {
            model.addAttribute("receipt", new OrderForms.Receipt(null));
        }
        model.addAttribute(
                "returnable", !order.bottles().isEmpty() && order.state().bottlesMayComeBack());
        model.addAttribute("returnReasons", ReturnReason.values());
        model.addAttribute("returnRefused", model.containsAttribute("returned"));
        if (!model.containsAttribute("returned")) {
            model.addAttribute("returned", new OrderForms.ReturnForm(null, null, null, null));
        }
        if (!model.containsAttribute("cancellation")) {
            model.addAttribute("cancellation", new OrderForms.Cancellation(null));
        }
        return "dispensing/order";
    }

    /** Accepts the bottles shown (the proposal, or the list as changed by scanning, with why). */
    @PostMapping("/{id}/allocation")
    @PreAuthorize("hasRole('DISPENSER')")
    String accept(
            @PathVariable UUID id,
            @Valid @ModelAttribute("acceptance") OrderForms.Acceptance form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        orders.find(id);
        return forms.submit(
                result,
                () -> {
                    OrderView done = allocation.accept(id, form.dins(), form.changeReason());
                    flash.addFlashAttribute(
                            "success",
                            messages.get("orders.allocated", done.bottles().size(), done.allocatedMl()));
                    return "redirect:/orders/" + id;
                },
                () -> {
                    // the list as the dispenser changed it stays on the page with the refusal
                    if (form.dins() != null) {
                        model.addAttribute("proposal", keep(id, form.dins()));
                        model.addAttribute("changed", true);
                    }
                    return orderPage(id, model);
                });
    }

    /** A bottle scanned in for one of the list: the page comes back with the changed list, which needs a reason. */
    @PostMapping("/{id}/allocation/swap")
    @PreAuthorize("hasRole('DISPENSER')")
    String swap(
            @PathVariable UUID id,
            @Valid @ModelAttribute("swap") OrderForms.Swap form,
            BindingResult result,
            Model model) {
        orders.find(id);
        return forms.submit(
                result,
                () -> {
                    model.addAttribute("proposal", allocation.swap(id, form.dins(), form.outDin(), form.inDin()));
                    model.addAttribute("changed", true);
                    model.addAttribute("acceptance", new OrderForms.Acceptance(null, form.changeReason()));
                    model.addAttribute("swap", new OrderForms.Swap(null, null, null, form.changeReason()));
                    return orderPage(id, model);
                },
                () -> {
                    if (form.dins() != null) {
                        model.addAttribute("proposal", keep(id, form.dins()));
                        model.addAttribute("changed", true);
                    }
                    return orderPage(id, model);
                });
    }

    /** The list as it was typed, each bottle still on offer (a bottle no longer on offer drops out). */
    private List<OrderView.OrderBottleView> keep(UUID id, List<String> dins) {
        return allocation.stillOnOffer(dins);
    }

    /** The allocated order leaves the bank: each bottle through the gate, dispensed to the infant. */
    @PostMapping("/{id}/dispatch")
    @PreAuthorize("hasRole('DISPENSER')")
    String dispatch(@PathVariable UUID id, RedirectAttributes flash) {
        OrderView done = dispatch.dispatch(id);
        flash.addFlashAttribute(
                "success", messages.get("orders.dispatched", done.bottles().size()));
        return "redirect:/orders/" + id;
    }

    /** The ward scans every bottle of the dispatched order; one missing or foreign is refused beside the scans. */
    @PostMapping("/{id}/receipt")
    @PreAuthorize("hasAnyRole('NURSE', 'MANAGER')")
    String receive(
            @PathVariable UUID id,
            @Valid @ModelAttribute("receipt") OrderForms.Receipt form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onOrder(id, result, model, flash, "orders.received", () -> dispatch.receive(id, form.dins()));
    }

    /** The bank takes unused bottles back from the ward; the order's page says what went back into stock. */
    @PostMapping("/{id}/returns")
    @PreAuthorize("hasRole('DISPENSER')")
    String takeBack(
            @PathVariable UUID id,
            @Valid @ModelAttribute("returned") OrderForms.ReturnForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        orders.find(id);
        return forms.submit(
                result,
                () -> {
                    List<ReturnView> back = returns.takeBack(id, form.request());
                    long toStock = back.stream().filter(ReturnView::backInStock).count();
                    flash.addFlashAttribute(
                            "success", messages.get("orders.returned", back.size(), toStock, back.size() - toStock));
                    return "redirect:/orders/" + id;
                },
                () -> orderPage(id, model));
    }

    @PostMapping("/{id}/fulfilment")
    @PreAuthorize("hasAnyRole('NURSE', 'MANAGER')")
    String fulfil(@PathVariable UUID id, RedirectAttributes flash) {
        dispatch.fulfil(id);
        flash.addFlashAttribute("success", messages.get("orders.fulfilled"));
        return "redirect:/orders/" + id;
    }

    @GetMapping(value = "/{id}/manifest.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> manifest(@PathVariable UUID id, Locale locale) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"manifest-" + id + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(dispatch.manifest(id, locale));
    }

    /** New terms with a reason while the bank has not allocated. */
    @PostMapping("/{id}/amendment")
    @PreAuthorize("hasAnyRole('NURSE', 'MANAGER')")
    String amend(
            @PathVariable UUID id,
            @Valid @ModelAttribute("amendment") OrderForms.AmendmentForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onOrder(id, result, model, flash, "orders.amended", () -> orders.amend(id, form.terms(), form.reason()));
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasAnyRole('NURSE', 'MANAGER')")
    String cancel(
            @PathVariable UUID id,
            @Valid @ModelAttribute("cancellation") OrderForms.Cancellation form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return onOrder(id, result, model, flash, "orders.cancelled", () -> orders.cancel(id, form.reason()));
    }

    /**
     * One step on an order from its page: done, the order's page again saying so; refused, its page with the refusal
     * beside the form and nothing changed. An unknown order answers 404 first.
     */
    private String onOrder(
            UUID id, BindingResult result, Model model, RedirectAttributes flash, String done, Runnable step) {
        orders.find(id);
        return forms.submit(
                result,
                () -> {
                    step.run();
                    flash.addFlashAttribute("success", messages.get(done));
                    return "redirect:/orders/" + id;
                },
                () -> orderPage(id, model));
    }
}
