package org.openmilkbank.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.inventory.ThawMethod;
import org.openmilkbank.inventory.Thawing;
import org.openmilkbank.shared.Role;
import org.openmilkbank.traceability.Expiries;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo's clocks: the dispenser thaws the first bottle to expire in a fridge for tomorrow's feeds, so the stock
 * page and the expiry work list show a bottle on its thaw clock; then the expiry sweep runs once.
 */
@Component
class DemoExpiry {

    private final Inventory inventory;
    private final Thawing thawing;
    private final Expiries expiries;
    private final Clock clock;

    DemoExpiry(Inventory inventory, Thawing thawing, Expiries expiries, Clock clock) {
        this.inventory = inventory;
        this.thawing = thawing;
        this.expiries = expiries;
        this.clock = clock;
    }

    void build() {
        List<BottleView> offered = inventory.dispensable(LocalDate.now(clock));
        if (!offered.isEmpty()) {
            var auth = UsernamePasswordAuthenticationToken.authenticated(
                    "dispenser", null, List.of(new SimpleGrantedAuthority(Role.DISPENSER.authority())));
            SecurityContextHolder.getContext().setAuthentication(auth);
            try {
                thawing.thaw(offered.get(0).din(), ThawMethod.FRIDGE, null);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
        expiries.holdExpired();
    }
}
