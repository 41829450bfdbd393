package org.openmilkbank.inventory.web;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openmilkbank.inventory.BottleJson;
import org.openmilkbank.inventory.EnergyClass;
import org.openmilkbank.inventory.ExpiryBand;
import org.openmilkbank.inventory.StockReport;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.Expiries;
import org.openmilkbank.traceability.MilkFlows;
import org.openmilkbank.traceability.MilkUnitKind;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The released stock, the pick list, days of supply and the expiry work list as JSON. */
@RestController
@RequestMapping("/api/v1/storage")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'DISPENSER', 'MANAGER')")
@Validated
class StockApiController {

    record StockBottleJson(BottleJson bottle, BigDecimal kcalPerDl, EnergyClass energyClass) {
        static StockBottleJson of(StockReport.StockBottle b) {
            return new StockBottleJson(BottleJson.of(b.bottle()), b.kcalPerDl(), b.energyClass());
        }
    }

    record StockJson(
            LocalDate today,
            int bottles,
            long volumeMl,
            List<StockReport.Band<ExpiryBand>> byExpiry,
            List<StockReport.Band<EnergyClass>> byEnergy,
            List<StockBottleJson> stock) {}

    record SupplyJson(
            LocalDate from,
            LocalDate to,
            int useDays,
            long stockMl,
            long dispensedMl,
            BigDecimal meanDailyMl,
            BigDecimal daysOfSupply,
            List<MilkFlows.Day> series) {}

    record PickJson(
            Integer askedMl,
            Integer askedBottles,
            long totalMl,
            long shortMl,
            int shortBottles,
            List<StockBottleJson> bottles) {}

    record ExpiringJson(
            MilkUnitKind kind,
            String label,
            String state,
            int volumeMl,
            LocalDate expiresOn,
            Instant expiresAt,
            boolean expired,
            boolean held) {}

    private final StockReport stock;
    private final Expiries expiries;
    private final Standards standards;

    StockApiController(StockReport stock, Expiries expiries, Standards standards) {
        this.stock = stock;
        this.expiries = expiries;
        this.standards = standards;
    }

    @GetMapping("/stock")
    StockJson released() {
        StockReport.Released r = stock.released();
        return new StockJson(
                r.today(),
                r.bottles(),
                r.volumeMl(),
                r.byExpiry(),
                r.byEnergy(),
                r.stock().stream().map(StockBottleJson::of).toList());
    }

    @GetMapping("/stock/supply")
    SupplyJson supply() {
        StockReport.Supply s = stock.supply();
        return new SupplyJson(
                s.from(),
                s.to(),
                s.days().useDays(),
                s.days().stockMl(),
                s.days().dispensedMl(),
                s.days().meanDailyMl(),
                s.days().supplyDays(),
                s.series());
    }

    /** {@code ?volumeMl=} or {@code ?count=}: the bottles to take, first to expire first. */
    @GetMapping("/stock/pick")
    PickJson pick(@Valid @ModelAttribute PickForm form) {
        StockReport.Pick p = stock.pick(form.volumeMl(), form.count());
        return new PickJson(
                p.list().askedMl(),
                p.list().askedBottles(),
                p.list().totalMl(),
                p.list().shortMl(),
                p.list().shortBottles(),
                p.bottles().stream().map(StockBottleJson::of).toList());
    }

    /** Units expiring within {@code ?days=} (default: the profile's look-ahead) and expired ones, first first. */
    @GetMapping("/expiry")
    Paged<ExpiringJson> expiry(
            @Valid @ModelAttribute ExpiryForm form,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        int days = form.days() == null ? standards.activeProfile().expiryWarningDays() : form.days();
        List<ExpiringJson> all = expiries.workList(days).stream()
                .map(u -> new ExpiringJson(
                        u.kind(),
                        u.label(),
                        u.state(),
                        u.volumeMl(),
                        u.expiresOn(),
                        u.expiresAt(),
                        u.expired(),
                        u.held()))
                .toList();
        return Paged.slice(all, PageRequest.of(page, size));
    }
}
