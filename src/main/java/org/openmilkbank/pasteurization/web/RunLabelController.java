package org.openmilkbank.pasteurization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.labeling.Freezer;
import org.openmilkbank.labeling.Label;
import org.openmilkbank.labeling.LabelFormat;
import org.openmilkbank.labeling.LabelPrinter;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolNutritions;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
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

/** Labels for every bottle of a run in one action; bottles already labelled need the reprint reason. */
@Controller
@PreAuthorize("hasRole('LAB_TECHNICIAN')")
class RunLabelController {

    private final PasteurisationManagement runs;
    private final Inventory inventory;
    private final LabelPrinter printer;
    private final Freezer freezer;
    private final PoolManagement pools;
    private final PoolNutritions nutritions;
    private final Clock clock;

    RunLabelController(
            PasteurisationManagement runs,
            Inventory inventory,
            LabelPrinter printer,
            Freezer freezer,
            PoolManagement pools,
            PoolNutritions nutritions,
            Clock clock) {
        this.nutritions = nutritions;
        this.runs = runs;
        this.inventory = inventory;
        this.printer = printer;
        this.freezer = freezer;
        this.pools = pools;
        this.clock = clock;
    }

    @PostMapping("/runs/{id}/labels")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    ResponseEntity<byte[]> print(
            @PathVariable UUID id,
            @RequestParam(required = false) LabelFormat format,
            @RequestParam(required = false) LabelPrinter.Output output,
            @RequestParam(required = false) Integer start,
            @RequestParam(required = false) String reason) {
        RunView run = runs.find(id).orElseThrow(() -> new NotFound("pasteurization.run.notFound", id));
        java.util.Optional<PoolView> poolView = pools.find(run.poolId());
        Din pool = poolView.map(PoolView::din).map(Din::parse).orElse(null);
        // measured values of every container of the pool only: never a guess on the label
        org.openmilkbank.labeling.Nutrients nutrients =
                poolView.map(nutritions::labelNutrients).orElse(null);
        LocalDate pasteurisedOn = run.startedAt() == null
                ? null
                : run.startedAt().atZone(clock.getZone()).toLocalDate();
        // discarded or dispensed bottles need no new label
        List<Label> labels = inventory.bottlesOfRun(id).stream()
                .filter(b -> b.state() == BottleState.QUARANTINE || b.state() == BottleState.RELEASED)
                .map(b -> new Label(
                        Din.parse(b.din()),
                        freezer.pasteurisedProduct(),
                        b.expiresOn(),
                        b.volumeMl(),
                        List.of(),
                        // milk not yet released says so in large type
                        b.state() == BottleState.QUARANTINE ? Label.QUARANTINE : null))
                .map(label -> label.ofPool(pool, pasteurisedOn).withNutrients(nutrients))
                .toList();
        if (labels.isEmpty()) {
            throw new RuleViolation("label.print.nothing");
        }
        Locale locale = LocaleContextHolder.getLocale();
        LabelPrinter.Printout printout =
                printer.print(labels, format, output, start, reason, locale, "labels-run-" + id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(printout.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        // downloaded, so that a refusal comes back to the run's page with its message
                        ContentDisposition.attachment()
                                .filename(printout.filename())
                                .build()
                                .toString())
                .body(printout.content());
    }
}
