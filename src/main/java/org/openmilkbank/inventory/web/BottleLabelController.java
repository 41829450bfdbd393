package org.openmilkbank.inventory.web;

import java.util.List;
import java.util.Locale;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.labeling.Freezer;
import org.openmilkbank.labeling.Label;
import org.openmilkbank.labeling.LabelFormat;
import org.openmilkbank.labeling.LabelPrinter;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.NotFound;
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

    BottleLabelController(Inventory inventory, LabelPrinter printer, Freezer freezer) {
        this.inventory = inventory;
        this.printer = printer;
        this.freezer = freezer;
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

    @PostMapping("/bottles/{din}/labels")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    ResponseEntity<byte[]> print(
            @PathVariable String din,
            @RequestParam(required = false) LabelFormat format,
            @RequestParam(required = false) LabelPrinter.Output output,
            @RequestParam(required = false) String reason) {
        BottleView bottle = inventory
                .findByDin(Din.parse(din).value())
                .orElseThrow(() -> new NotFound("inventory.bottle.notFound", din));
        Locale locale = LocaleContextHolder.getLocale();
        LabelPrinter.Printout printout = printer.print(
                List.of(label(bottle, freezer)),
                format,
                output,
                reason,
                locale,
                "label-" + Din.parse(bottle.din()).withCheck());
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
}
