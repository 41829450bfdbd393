package org.openmilkbank.shared.web;

import static org.openmilkbank.shared.Role.ADMIN;
import static org.openmilkbank.shared.Role.DISPENSER;
import static org.openmilkbank.shared.Role.DONOR_COORDINATOR;
import static org.openmilkbank.shared.Role.LAB_TECHNICIAN;
import static org.openmilkbank.shared.Role.MANAGER;
import static org.openmilkbank.shared.Role.NURSE;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.openmilkbank.shared.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who may read the history of each type of record: the view roles of its area. */
@Component
class HistoryAccess {

    private static final Set<Role> DONORS = EnumSet.of(DONOR_COORDINATOR, MANAGER, ADMIN);
    private static final Set<Role> RECEPTION = EnumSet.of(DONOR_COORDINATOR, LAB_TECHNICIAN, MANAGER);
    private static final Set<Role> LAB = EnumSet.of(LAB_TECHNICIAN, MANAGER);
    private static final Set<Role> STOCK = EnumSet.of(LAB_TECHNICIAN, DISPENSER, MANAGER);
    private static final Set<Role> INFANTS = EnumSet.of(NURSE, DISPENSER, MANAGER);
    private static final Set<Role> TRACE = EnumSet.of(MANAGER, ADMIN, DONOR_COORDINATOR, LAB_TECHNICIAN);

    static final Map<String, Set<Role>> VIEWERS = Map.ofEntries(
            Map.entry("Donor", DONORS),
            Map.entry("ScreeningAddendum", DONORS),
            Map.entry("Donation", RECEPTION),
            Map.entry("RawContainer", RECEPTION),
            Map.entry("CollectionPoint", RECEPTION),
            Map.entry("PickupRun", RECEPTION),
            Map.entry("TransportBox", RECEPTION),
            Map.entry("Pool", LAB),
            Map.entry("PasteurisationRun", LAB),
            Map.entry("AnalyserInstrument", EnumSet.of(LAB_TECHNICIAN, MANAGER, ADMIN)),
            Map.entry("AnalyserImport", EnumSet.of(LAB_TECHNICIAN, MANAGER, ADMIN)),
            Map.entry("Equipment", EnumSet.of(LAB_TECHNICIAN, MANAGER, ADMIN, DONOR_COORDINATOR, DISPENSER)),
            Map.entry("Bottle", STOCK),
            Map.entry("StoragePlace", EnumSet.of(LAB_TECHNICIAN, MANAGER, ADMIN, DISPENSER)),
            Map.entry("StockTake", EnumSet.of(LAB_TECHNICIAN, MANAGER, ADMIN, DISPENSER)),
            Map.entry("Label", STOCK),
            Map.entry("Infant", INFANTS),
            Map.entry("recall", TRACE),
            Map.entry("StaffUser", EnumSet.of(ADMIN)),
            Map.entry("StandardProfile", EnumSet.allOf(Role.class)));

    /** True when the signed-in person holds a view role of the record type's area; an unknown type is a 404. */
    boolean mayView(String recordType) {
        Set<Role> viewers = VIEWERS.get(recordType);
        if (viewers == null) {
            return true;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> viewers.stream().anyMatch(r -> r.authority().equals(a)));
    }
}
