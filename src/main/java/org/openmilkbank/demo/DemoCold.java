package org.openmilkbank.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.storage.cold.ReadingForm;
import org.openmilkbank.storage.cold.ReadingSchedule;
import org.openmilkbank.storage.cold.Readings;
import org.openmilkbank.storage.cold.StorageUnitView;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo bank's temperatures: yesterday's and today's due readings of every freezer and fridge already placed,
 * typed by the lab technician, the fridge once a little warm (an alarm that holds nothing). A few rows per unit,
 * so the demo starts fast.
 */
@Component
class DemoCold {

    private final Readings readings;
    private final Standards standards;
    private final Clock clock;

    DemoCold(Readings readings, Standards standards, Clock clock) {
        this.readings = readings;
        this.standards = standards;
        this.clock = clock;
    }

    void build() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        ReadingSchedule schedule = ReadingSchedule.of(standards.activeProfile());
        List<StorageUnitView> units =
                readings.units().stream().filter(StorageUnitView::cold).toList();
        as("labtech", Role.LAB_TECHNICIAN, () -> {
            for (StorageUnitView unit : units) {
                boolean fridge = "FRIDGE".equals(unit.unitType());
                int n = 0;
                for (LocalDate day : List.of(today.minusDays(1), today)) {
                    for (ReadingSchedule.Slot slot : schedule.slots(day, clock.getZone())) {
                        if (slot.due().isAfter(now)) {
                            continue;
                        }
                        boolean warm = fridge && n++ == 0;
                        String current = fridge ? (warm ? "5.8" : "3.9") : "-21.5";
                        String min = fridge ? "2.8" : "-23.0";
                        String max = fridge ? (warm ? "6.1" : "4.6") : "-19.2";
                        readings.record(
                                unit.id(),
                                new ReadingForm(
                                        new BigDecimal(current),
                                        new BigDecimal(min),
                                        new BigDecimal(max),
                                        LocalDateTime.ofInstant(slot.due().plusSeconds(420), clock.getZone())));
                    }
                }
            }
        });
    }

    private static void as(String username, Role role, Runnable action) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, Set.of(new SimpleGrantedAuthority(role.authority()))));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
