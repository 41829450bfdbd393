package org.openmilkbank.lab.quality.web;

import jakarta.validation.Valid;
import org.openmilkbank.lab.QualityView;
import org.openmilkbank.lab.quality.CrematocritForm;
import org.openmilkbank.lab.quality.DornicForm;
import org.openmilkbank.lab.quality.QualityManagement;
import org.openmilkbank.lab.quality.SensoryForm;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Raw milk quality control over JSON, with the page's form records as bodies. */
@RestController
@RequestMapping("/api/v1/lab/quality")
@PreAuthorize(QualityController.VIEW)
class QualityApiController {

    private final QualityManagement quality;

    QualityApiController(QualityManagement quality) {
        this.quality = quality;
    }

    /** Raw containers still missing a check the active profile requires, oldest expression first. */
    @GetMapping("/awaiting")
    @PreAuthorize(QualityController.VIEW)
    Paged<QualityManagement.Container> awaiting(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return quality.awaitingQuality(PageRequest.of(page, size));
    }

    @GetMapping("/containers/{din}")
    @PreAuthorize(QualityController.VIEW)
    QualityView container(@PathVariable String din) {
        return quality.view(quality.container(din));
    }

    @PostMapping("/containers/{din}/sensory")
    @PreAuthorize(QualityController.ACT)
    QualityView sensory(@PathVariable String din, @Valid @RequestBody SensoryForm form) {
        return quality.recordSensory(din, form);
    }

    @PostMapping("/containers/{din}/dornic")
    @PreAuthorize(QualityController.ACT)
    QualityView dornic(@PathVariable String din, @Valid @RequestBody DornicForm form) {
        return quality.recordDornic(din, form);
    }

    @PostMapping("/containers/{din}/crematocrit")
    @PreAuthorize(QualityController.ACT)
    QualityView crematocrit(@PathVariable String din, @Valid @RequestBody CrematocritForm form) {
        return quality.recordCrematocrit(din, form);
    }
}
