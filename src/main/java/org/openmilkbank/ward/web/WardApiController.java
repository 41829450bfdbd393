package org.openmilkbank.ward.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.ward.Bedside;
import org.openmilkbank.ward.BedsideCheck;
import org.openmilkbank.ward.InfantRecord;
import org.openmilkbank.ward.PreparationView;
import org.openmilkbank.ward.WardPreparations;
import org.openmilkbank.ward.WardRecords;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ward's API, the same steps as its pages: thaw a bottle, divide it into syringes, check milk at the bedside
 * and feed it, an infant's record of feeds, near-miss counts. A refused check or feed answers 200 with its refusals
 * and the near miss it recorded ({@code passed} false); bad input answers 400 or 422 and records nothing.
 */
@RestController
@RequestMapping("/api/v1/ward")
@PreAuthorize("hasAnyRole('NURSE', 'MANAGER')")
class WardApiController {

    private final WardPreparations preparations;
    private final Bedside bedside;
    private final WardRecords records;
    private final Clock clock;

    WardApiController(WardPreparations preparations, Bedside bedside, WardRecords records, Clock clock) {
        this.preparations = preparations;
        this.bedside = bedside;
        this.records = records;
        this.clock = clock;
    }

    @PostMapping("/thaws")
    @PreAuthorize("hasRole('NURSE')")
    BottleView thaw(@Valid @RequestBody WardForms.ThawForm body) {
        return preparations.thaw(body.din(), body.method());
    }

    @PostMapping("/preparations")
    @PreAuthorize("hasRole('NURSE')")
    @ResponseStatus(HttpStatus.CREATED)
    PreparationView prepare(@Valid @RequestBody WardForms.DivideForm body) {
        return preparations.prepare(body.din(), body.syringes(), body.remainderReason());
    }

    @PostMapping("/bedside-checks")
    @PreAuthorize("hasRole('NURSE')")
    BedsideCheck check(@Valid @RequestBody WardForms.CheckForm body) {
        return bedside.check(body.infantCode(), body.milkCode());
    }

    @PostMapping("/feeds")
    @PreAuthorize("hasRole('NURSE')")
    BedsideCheck feed(@Valid @RequestBody WardForms.FeedForm body) {
        return bedside.feed(body.request());
    }

    @GetMapping("/infants/{id}/record")
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER', 'MANAGER')")
    InfantRecord record(@PathVariable UUID id) {
        return records.of(id);
    }

    /** Near misses by month, ward and reason from {@code from} to {@code to} (default: the last twelve months). */
    @GetMapping("/near-misses")
    @PreAuthorize("hasRole('MANAGER')")
    Paged<WardRecords.NearMissCount> nearMisses(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusMonths(11).withDayOfMonth(1) : from;
        return Paged.slice(
                records.nearMissCounts(start.isAfter(end) ? end : start, start.isAfter(end) ? start : end),
                PageRequest.of(page, size));
    }
}
