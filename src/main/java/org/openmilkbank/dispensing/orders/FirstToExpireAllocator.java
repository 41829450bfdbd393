package org.openmilkbank.dispensing.orders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.inventory.EnergyClass;
import org.springframework.stereotype.Component;

/**
 * The bank's allocation rules, in this order: milk of the band the order asks for where its pool was analysed
 * (another band is never proposed outside shortage, and only after every match in shortage); first to expire
 * first; among bottles expiring the same day, a pool the infant already had or this proposal already takes
 * (fewest distinct donors over her stay), then analysed milk before milk without an energy; then by DIN.
 * Bottles are taken one by one until the order's volume is covered.
 */
@Component
class FirstToExpireAllocator implements Allocator {

    @Override
    public List<Candidate> propose(Need need, List<Candidate> stock) {
        List<Candidate> left = new ArrayList<>();
        for (Candidate c : stock) {
            if (!(need.bandRequired() && c.otherBand(need.band()))) {
                left.add(c);
            }
        }
        List<Candidate> chosen = new ArrayList<>();
        Set<UUID> pools = new HashSet<>(need.poolsHad());
        long covered = 0;
        while (covered < need.volumeMl() && !left.isEmpty()) {
            Candidate next = left.stream().min(order(need.band(), pools)).orElseThrow();
            left.remove(next);
            chosen.add(next);
            pools.add(next.poolId());
            covered += next.volumeMl();
        }
        return chosen;
    }

    private static Comparator<Candidate> order(EnergyClass band, Set<UUID> pools) {
        return Comparator.comparing((Candidate c) -> c.otherBand(band))
                .thenComparing(Candidate::expiresOn)
                .thenComparing(c -> !pools.contains(c.poolId()))
                .thenComparing(c -> band != null && c.energy() == EnergyClass.NOT_ANALYSED)
                .thenComparing(Candidate::din);
    }
}
