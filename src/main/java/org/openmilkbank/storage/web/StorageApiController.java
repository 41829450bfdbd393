package org.openmilkbank.storage.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.storage.NewPlaceInside;
import org.openmilkbank.storage.NewStorageUnit;
import org.openmilkbank.storage.PlaceAmendment;
import org.openmilkbank.storage.PlaceNode;
import org.openmilkbank.storage.PlaceRetirement;
import org.openmilkbank.storage.PlaceView;
import org.openmilkbank.storage.Places;
import org.openmilkbank.storage.PutAway;
import org.openmilkbank.storage.PutAwayResult;
import org.openmilkbank.storage.PutAwayScan;
import org.openmilkbank.storage.StockByPlace;
import org.openmilkbank.storage.StockTakeExplanation;
import org.openmilkbank.storage.StockTakeView;
import org.openmilkbank.storage.StockTakes;
import org.openmilkbank.storage.ToMove;
import org.openmilkbank.storage.WhereIs;
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

/** Places, put-away, where a unit is, and stock takes, as JSON. */
@RestController
@RequestMapping("/api/v1/storage")
@PreAuthorize(StorageRoles.VIEW)
class StorageApiController {

    private final Places places;
    private final PutAway putAway;
    private final StockTakes stockTakes;
    private final StockByPlace stockByPlace;

    StorageApiController(Places places, PutAway putAway, StockTakes stockTakes, StockByPlace stockByPlace) {
        this.places = places;
        this.putAway = putAway;
        this.stockTakes = stockTakes;
        this.stockByPlace = stockByPlace;
    }

    record StockTakeStartBody(
            @jakarta.validation.constraints.NotNull UUID placeId) {}

    record ScanBody(
            @jakarta.validation.constraints.NotBlank
            @jakarta.validation.constraints.Size(max = org.openmilkbank.shared.TextLimits.CODE)
            String code) {}

    @GetMapping("/places")
    @PreAuthorize(StorageRoles.VIEW)
    Paged<PlaceView> units(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(places.units(), PageRequest.of(page, size));
    }

    @GetMapping("/places/{id}")
    @PreAuthorize(StorageRoles.VIEW)
    PlaceNode tree(@PathVariable UUID id) {
        return places.tree(id);
    }

    @PostMapping("/places")
    @PreAuthorize(StorageRoles.KEEP)
    @ResponseStatus(HttpStatus.CREATED)
    PlaceView register(@Valid @RequestBody NewStorageUnit body) {
        return places.registerUnit(body);
    }

    @PostMapping("/places/{id}/places")
    @PreAuthorize(StorageRoles.ADD)
    @ResponseStatus(HttpStatus.CREATED)
    PlaceView addInside(@PathVariable UUID id, @Valid @RequestBody NewPlaceInside body) {
        return places.addInside(id, body);
    }

    @PostMapping("/places/{id}/amend")
    @PreAuthorize(StorageRoles.KEEP)
    PlaceView amend(@PathVariable UUID id, @Valid @RequestBody PlaceAmendment body) {
        return places.amend(id, body);
    }

    @PostMapping("/places/{id}/retire")
    @PreAuthorize(StorageRoles.KEEP)
    PlaceView retire(@PathVariable UUID id, @Valid @RequestBody PlaceRetirement body) {
        return places.retire(id, body);
    }

    @PostMapping("/put-away")
    @PreAuthorize(StorageRoles.PUT_AWAY)
    PutAwayResult putAway(@Valid @RequestBody PutAwayScan body) {
        return putAway.put(body);
    }

    @GetMapping("/to-move")
    @PreAuthorize(StorageRoles.VIEW)
    Paged<ToMove> toMove(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(putAway.toMove(), PageRequest.of(page, size));
    }

    /** The released stock in each storage unit, and what has no place. */
    @GetMapping("/stock-by-place")
    @PreAuthorize(StorageRoles.VIEW)
    StockByPlace.Released stockByPlace() {
        return stockByPlace.released();
    }

    @GetMapping("/where")
    @PreAuthorize(StorageRoles.VIEW)
    WhereIs where(@RequestParam String code) {
        return putAway.whereIs(code);
    }

    @PostMapping("/stock-takes")
    @PreAuthorize(StorageRoles.COUNT)
    @ResponseStatus(HttpStatus.CREATED)
    StockTakeView start(@Valid @RequestBody StockTakeStartBody body) {
        return stockTakes.start(body.placeId());
    }

    @GetMapping("/stock-takes/{id}")
    @PreAuthorize(StorageRoles.VIEW)
    StockTakeView stockTake(@PathVariable UUID id) {
        return stockTakes.view(id);
    }

    @PostMapping("/stock-takes/{id}/scans")
    @PreAuthorize(StorageRoles.COUNT)
    StockTakeView scan(@PathVariable UUID id, @Valid @RequestBody ScanBody body) {
        return stockTakes.scan(id, body.code());
    }

    @PostMapping("/stock-takes/{id}/finish")
    @PreAuthorize(StorageRoles.COUNT)
    StockTakeView finish(@PathVariable UUID id) {
        return stockTakes.finish(id);
    }

    @PostMapping("/stock-takes/{id}/differences/{differenceId}")
    @PreAuthorize(StorageRoles.COUNT)
    StockTakeView explain(
            @PathVariable UUID id, @PathVariable UUID differenceId, @Valid @RequestBody StockTakeExplanation body) {
        return stockTakes.explain(id, differenceId, body);
    }
}
