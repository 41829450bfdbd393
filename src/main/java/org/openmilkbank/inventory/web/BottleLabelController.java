package org.openmilkbank.inventory.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.lab.LabelNutrients;
import org.openmilkbank.lab.PoolNutrition;
import org.openmilkbank.labeling.Freezer;
import org.openmilkbank.labeling.Label;
import org.openmilkbank.labeling.LabelFormat;
import org.openmilkbank.labeling.LabelPrinter;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.traceability.Lineage;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkUnitKind;
import org.openmilkbank.traceability.Traceability;
import org.openmilkbank.traceability.Traced;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A bottle's label (PDF or ZPL); a second print of it needs the reprint reason. */
@Controller
@PreAuthorize("hasRole('LAB_TECHNICIAN')")
class BottleLabelController {

    private final Inventory inventory;
    private final LabelPrinter printer;
    private final Freezer freezer;
    private final Traceability traceability;
    private final LabelNutrients nutrients;
    private final Clock clock;

    BottleLabelController(
            Inventory inventory,
            LabelPrinter printer,
            Freezer freezer,
            Traceability traceability,
            LabelNutrients nutrients,
            Clock clock) {
        this.nutrients = nutrients;
        this.inventory = inventory;
        this.printer = printer;
        this.freezer = freezer;
        this.traceability = traceability;
        this.clock = clock;
    }

    /**
     * The label of a bottle of pasteurised milk, with the bank's pasteurised product code; a bottle still in
     * quarantine carries the large "quarantine — do not use" band, a released one does not.
     */
    static Label label(BottleView bottle, Freezer freezer) {
        return new Label(
                Din.parse(bottle.din()),
                freezer.pasteurisedProduct(),
                bottle.expiresOn(),
                bottle.volumeMl(),
                List.of(),
                bottle.state() == BottleState.QUARANTINE ? Label.QUARANTINE : null);
    }

    /** The bottle's label naming the pool it was filled from and the day that pool was pasteurised. */
    static Label ofPool(Label label, Lineage lineage, Clock clock) {
        Din pool = lineage.units().stream()
                .filter(u -> u.kind() == MilkUnitKind.POOL)
                .map(u -> Din.parse(u.label()))
                .reduce((first, later) -> later)
                .orElse(null);
        LocalDate pasteurisedOn = lineage.events().stream()
                .filter(e -> e.type() == MilkEventType.PASTEURISED)
                .map(e -> e.at().atZone(clock.getZone()).toLocalDate())
                .reduce((first, later) -> later)
                .orElse(null);
        return label.ofPool(pool, pasteurisedOn);
    }

    /**
     * The containers poured into the bottle's pool, with the volume of each, as its lineage recorded them: what the
     * lab weighs the pool's measured energy by.
     */
    /** The pool the bottle was filled from, as its lineage names it; {@code null} when it has none. */
    static java.util.UUID poolId(Lineage lineage) {
        return lineage.units().stream()
                .filter(u -> u.kind() == MilkUnitKind.POOL)
                .map(Traced.Unit::id)
                .reduce((first, later) -> later)
                .orElse(null);
    }

    static List<PoolNutrition.Portion> portions(Lineage lineage) {
        String pool = lineage.units().stream()
                .filter(u -> u.kind() == MilkUnitKind.POOL)
                .map(Traced.Unit::label)
                .reduce((first, later) -> later)
                .orElse(null);
        if (pool == null) {
            return List.of();
        }
        Map<String, Traced.Unit> containers = lineage.units().stream()
                .filter(u -> u.kind() == MilkUnitKind.CONTAINER)
                .collect(Collectors.toMap(Traced.Unit::label, u -> u, (a, b) -> a));
        return lineage.links().stream()
                .filter(l -> pool.equals(l.child()) && containers.containsKey(l.parent()))
                .map(l -> {
                    Traced.Unit c = containers.get(l.parent());
                    Integer ml = l.volumeMl() != null ? l.volumeMl() : c.volumeMl();
                    return new PoolNutrition.Portion(c.id(), ml == null ? 0 : ml);
                })
                .toList();
    }

    @PostMapping("/bottles/{din}/labels")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    ResponseEntity<byte[]> print(
            @PathVariable String din,
            @RequestParam(required = false) LabelFormat format,
            @RequestParam(required = false) LabelPrinter.Output output,
            @RequestParam(required = false) Integer start,
            @RequestParam(required = false) String reason) {
        BottleView bottle = inventory
                .findByDin(Din.parse(din).value())
                .orElseThrow(() -> new NotFound("inventory.bottle.notFound", din));
        Locale locale = LocaleContextHolder.getLocale();
        Lineage lineage = traceability.lineage(bottle.din());
        LabelPrinter.Printout printout = printer.print(
                List.of(ofPool(label(bottle, freezer), lineage, clock)
                        .withNutrients(nutrients.ofPool(poolId(lineage), portions(lineage)))),
                format,
                output,
                start,
                reason,
                locale,
                "label-" + Din.parse(bottle.din()).withCheck());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(printout.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        // downloaded, so that a refusal comes back to the bottle's page with its message
                        ContentDisposition.attachment()
                                .filename(printout.filename())
                                .build()
                                .toString())
                .body(printout.content());
    }
}
