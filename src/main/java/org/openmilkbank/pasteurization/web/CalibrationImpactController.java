package org.openmilkbank.pasteurization.web;

import java.util.UUID;
import org.openmilkbank.pasteurization.CalibrationImpacts;
import org.openmilkbank.shared.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What a calibration that found an instrument out of tolerance did to the runs it measured: each run judged again with
 * the error taken off, the ones that no longer pass held, and the way to their recall.
 */
@Controller
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN')")
class CalibrationImpactController {

    private final CalibrationImpacts impacts;

    CalibrationImpactController(CalibrationImpacts impacts) {
        this.impacts = impacts;
    }

    @GetMapping("/runs/calibration-impacts/{calibrationId}")
    @PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN')")
    String page(@PathVariable UUID calibrationId, Model model) {
        // none: no passed run relied on the instrument while it read wrong (said on the page, not a missing page)
        model.addAttribute("found", impacts.of(calibrationId).orElse(null));
        return "pasteurization/calibration-impact";
    }

    @GetMapping("/api/v1/runs/calibration-impacts/{calibrationId}")
    @PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER', 'ADMIN')")
    @ResponseBody
    CalibrationImpacts.Found api(@PathVariable UUID calibrationId) {
        return found(calibrationId);
    }

    private CalibrationImpacts.Found found(UUID calibrationId) {
        return impacts.of(calibrationId)
                .orElseThrow(() -> new NotFound("pasteurization.impact.notFound", calibrationId));
    }
}
