package org.openmilkbank.dispensing.orders;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Proposals for several orders from one stock: orders in the order given (ranked in shortage, first requested
 * otherwise) each take their bottles from what earlier orders left, so no bottle is proposed twice.
 */
final class AllocationPlan {

    private AllocationPlan() {}

    static Map<UUID, List<Allocator.Candidate>> propose(
            List<UUID> orders, Map<UUID, Allocator.Need> needs, List<Allocator.Candidate> stock, Allocator allocator) {
        List<Allocator.Candidate> left = new ArrayList<>(stock);
        Map<UUID, List<Allocator.Candidate>> proposals = new LinkedHashMap<>();
        for (UUID order : orders) {
            List<Allocator.Candidate> chosen = allocator.propose(needs.get(order), List.copyOf(left));
            Set<UUID> taken = new HashSet<>();
            chosen.forEach(c -> taken.add(c.bottleId()));
            left.removeIf(c -> taken.contains(c.bottleId()));
            proposals.put(order, chosen);
        }
        return proposals;
    }
}
