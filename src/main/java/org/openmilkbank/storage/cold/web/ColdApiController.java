package org.openmilkbank.storage.cold.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.storage.cold.AcknowledgeForm;
import org.openmilkbank.storage.cold.ColdWorkList;
import org.openmilkbank.storage.cold.DecisionForm;
import org.openmilkbank.storage.cold.EndExcursionForm;
import org.openmilkbank.storage.cold.ExcursionView;
import org.openmilkbank.storage.cold.Excursions;
import org.openmilkbank.storage.cold.LoggerForm;
import org.openmilkbank.storage.cold.ManualExcursionForm;
import org.openmilkbank.storage.cold.RaiseExcursionForm;
import org.openmilkbank.storage.cold.ReadingForm;
import org.openmilkbank.storage.cold.ReadingView;
import org.openmilkbank.storage.cold.Readings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The cold chain's API: readings and logger files of a storage unit, its excursions and their decisions. */
@RestController
@RequestMapping("/api/v1/storage/cold")
class ColdApiController {

    private final Readings readings;
    private final Excursions excursions;
    private final ColdWorkList workList;

    ColdApiController(Readings readings, Excursions excursions, ColdWorkList workList) {
        this.readings = readings;
        this.excursions = excursions;
        this.workList = workList;
    }

    @GetMapping
    @PreAuthorize(ColdController.VIEW)
    ColdWorkList.Board board() {
        return workList.board();
    }

    @GetMapping("/units/{unitId}/readings")
    @PreAuthorize(ColdController.VIEW)
    Paged<ReadingView> readings(
            @PathVariable UUID unitId,
            @RequestParam(defaultValue = "14") int days,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        readings.unit(unitId);
        return Paged.slice(readings.recent(unitId, Math.min(Math.max(days, 1), 366)), PageRequest.of(page, size));
    }

    @PostMapping("/units/{unitId}/readings")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    @ResponseStatus(HttpStatus.CREATED)
    ReadingView record(@PathVariable UUID unitId, @Valid @RequestBody ReadingForm form) {
        return readings.record(unitId, form);
    }

    @PostMapping(value = "/units/{unitId}/logger-files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    @ResponseStatus(HttpStatus.CREATED)
    Readings.Imported importLog(@PathVariable UUID unitId, @Valid @ModelAttribute LoggerForm form) {
        return readings.importLog(
                unitId,
                form,
                form.file() == null ? null : form.file().getOriginalFilename(),
                ColdController.bytes(form));
    }

    @GetMapping("/units/{unitId}/excursions")
    @PreAuthorize(ColdController.VIEW)
    Paged<ExcursionView> excursionsOf(
            @PathVariable UUID unitId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        readings.unit(unitId);
        return Paged.slice(excursions.ofUnit(unitId), PageRequest.of(page, size));
    }

    @PostMapping("/units/{unitId}/excursions")
    @PreAuthorize("hasRole('MANAGER')")
    @ResponseStatus(HttpStatus.CREATED)
    ExcursionView openByHand(@PathVariable UUID unitId, @Valid @RequestBody ManualExcursionForm form) {
        return excursions.find(excursions.openByHand(unitId, form));
    }

    @GetMapping("/excursions/{id}")
    @PreAuthorize(ColdController.VIEW)
    ExcursionView excursion(@PathVariable UUID id) {
        return excursions.find(id);
    }

    @PostMapping("/excursions/{id}/acknowledge")
    @PreAuthorize(ColdController.VIEW)
    ExcursionView acknowledge(@PathVariable UUID id, @Valid @RequestBody AcknowledgeForm form) {
        excursions.acknowledge(id, form);
        return excursions.find(id);
    }

    @PostMapping("/excursions/{id}/end")
    @PreAuthorize("hasRole('MANAGER')")
    ExcursionView end(@PathVariable UUID id, @Valid @RequestBody EndExcursionForm form) {
        excursions.end(id, form);
        return excursions.find(id);
    }

    @PostMapping("/excursions/{id}/raise")
    @PreAuthorize("hasRole('MANAGER')")
    ExcursionView raise(@PathVariable UUID id, @Valid @RequestBody RaiseExcursionForm form) {
        excursions.raise(id, form);
        return excursions.find(id);
    }

    @PostMapping("/excursions/{id}/decisions")
    @PreAuthorize("hasRole('MANAGER')")
    ExcursionView decide(@PathVariable UUID id, @Valid @RequestBody DecisionForm form) {
        excursions.decide(id, form);
        return excursions.find(id);
    }
}
