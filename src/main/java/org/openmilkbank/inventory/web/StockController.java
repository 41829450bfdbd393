package org.openmilkbank.inventory.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.openmilkbank.inventory.StockReport;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.Expiries;
import org.openmilkbank.traceability.MilkFlows;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The released stock (by volume, expiry and energy) with days of supply and its chart, the first-to-expire pick list
 * and the expiry work list. Pages that only read: a refused field is shown beside it, nothing changes.
 */
@Controller
@RequestMapping("/stock")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'DISPENSER', 'MANAGER')")
class StockController {

    private final StockReport stock;
    private final Expiries expiries;
    private final Standards standards;
    private final Forms forms;
    private final Clock clock;

    StockController(StockReport stock, Expiries expiries, Standards standards, Forms forms, Clock clock) {
        this.stock = stock;
        this.expiries = expiries;
        this.standards = standards;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping
    String stock(Model model) {
        StockReport.Supply supply = stock.supply();
        model.addAttribute("released", stock.released());
        model.addAttribute("supply", supply);
        model.addAttribute(
                "chartDays",
                String.join(
                        "|",
                        supply.series().stream().map(d -> d.day().toString()).toList()));
        model.addAttribute(
                "chartStock",
                join(supply.series().stream().map(MilkFlows.Day::stockMl).toList()));
        model.addAttribute(
                "chartUse",
                join(supply.series().stream().map(MilkFlows.Day::dispensedMl).toList()));
        if (!model.containsAttribute("pick")) {
            model.addAttribute("pick", new PickForm(null, null));
        }
        return "inventory/stock";
    }

    /** The bottles to take, first to expire first; printable on a phone. */
    @GetMapping("/pick")
    String pick(@Valid @ModelAttribute("pick") PickForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                model.addAttribute("picked", stock.pick(form.volumeMl(), form.count()));
                model.addAttribute("zone", clock.getZone());
                return "inventory/pick";
            } catch (RuleViolation refused) {
                forms.reject(result, refused);
            }
        }
        return stock(model);
    }

    @GetMapping("/expiry")
    String expiry(@Valid @ModelAttribute("expiry") ExpiryForm form, BindingResult result, Model model) {
        int days = form.days() == null || result.hasErrors()
                ? standards.activeProfile().expiryWarningDays()
                : form.days();
        List<Expiries.ExpiringUnit> units = expiries.workList(days);
        model.addAttribute("days", days);
        model.addAttribute(
                "expired", units.stream().filter(Expiries.ExpiringUnit::expired).toList());
        model.addAttribute("expiring", units.stream().filter(u -> !u.expired()).toList());
        model.addAttribute("zone", clock.getZone());
        return "inventory/expiry";
    }

    private static String join(List<Long> values) {
        return String.join("|", values.stream().map(String::valueOf).toList());
    }
}
