package org.openmilkbank.storage.web;

import java.util.List;
import java.util.UUID;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.EquipmentView;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.storage.NewPlaceInside;
import org.openmilkbank.storage.NewStorageUnit;
import org.openmilkbank.storage.PlaceAmendment;
import org.openmilkbank.storage.PlaceLevel;
import org.openmilkbank.storage.PlacePurpose;
import org.openmilkbank.storage.PlaceRetirement;
import org.openmilkbank.storage.PlaceView;
import org.openmilkbank.storage.Places;
import org.openmilkbank.storage.PutAway;
import org.openmilkbank.storage.PutAwayScan;
import org.openmilkbank.storage.StockTakeExplanation;
import org.openmilkbank.storage.StockTakes;
import org.openmilkbank.storage.UnitType;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Draws the storage pages; the GET handlers and a refused POST both call these. */
@Component
class StoragePages {

    private final Places places;
    private final PutAway putAway;
    private final StockTakes stockTakes;
    private final EquipmentManagement equipment;
    private final History history;

    StoragePages(
            Places places, PutAway putAway, StockTakes stockTakes, EquipmentManagement equipment, History history) {
        this.places = places;
        this.putAway = putAway;
        this.stockTakes = stockTakes;
        this.equipment = equipment;
        this.history = history;
    }

    String placesPage(Model model) {
        model.addAttribute("units", places.units());
        List<EquipmentView> cold = equipment.list(null).stream()
                .filter(e -> e.kind() == EquipmentKind.FREEZER || e.kind() == EquipmentKind.FRIDGE)
                .toList();
        model.addAttribute("instruments", cold);
        model.addAttribute("unitTypes", UnitType.values());
        model.addAttribute("purposes", PlacePurpose.values());
        if (!model.containsAttribute("newUnit")) {
            model.addAttribute("newUnit", new NewStorageUnit(null, null, UnitType.FREEZER, null, null, null));
        }
        return "storage/places";
    }

    String placePage(UUID id, Model model) {
        PlaceView place = places.find(id).orElseThrow(() -> new NotFound("storage.place.notFound"));
        model.addAttribute("place", place);
        model.addAttribute("tree", places.tree(id));
        model.addAttribute("purposes", PlacePurpose.values());
        model.addAttribute(
                "childLevels",
                java.util.Arrays.stream(PlaceLevel.values())
                        .filter(l -> l.mayBeInside(place.level()))
                        .toList());
        model.addAttribute("stockTakes", stockTakes.ofPlace(id));
        model.addAttribute("history", history.of(Places.PLACE, id));
        if (!model.containsAttribute("inside")) {
            PlaceLevel next = java.util.Arrays.stream(PlaceLevel.values())
                    .filter(l -> l.mayBeInside(place.level()))
                    .findFirst()
                    .orElse(null);
            model.addAttribute("inside", new NewPlaceInside(null, null, next, place.purpose(), null));
        }
        if (!model.containsAttribute("amendment")) {
            model.addAttribute("amendment", new PlaceAmendment(place.name(), place.purpose(), place.capacity(), null));
        }
        if (!model.containsAttribute("retirement")) {
            model.addAttribute("retirement", new PlaceRetirement(null));
        }
        return "storage/place";
    }

    String putAwayPage(String place, Model model) {
        model.addAttribute("toMove", putAway.toMove());
        if (!model.containsAttribute("scan")) {
            model.addAttribute("scan", new PutAwayScan(null, place));
        }
        return "storage/put-away";
    }

    String stockTakePage(UUID id, Model model) {
        model.addAttribute("take", stockTakes.view(id));
        model.addAttribute("history", history.of(StockTakes.STOCK_TAKE, id));
        model.addAttribute("reasons", org.openmilkbank.storage.StockTakeReason.values());
        if (!model.containsAttribute("stockScan")) {
            model.addAttribute("stockScan", new StorageForms.StockTakeScan(null));
        }
        if (!model.containsAttribute("explanation")) {
            model.addAttribute("explanation", new StockTakeExplanation(null, null, false));
        }
        return "storage/stock-take";
    }
}
