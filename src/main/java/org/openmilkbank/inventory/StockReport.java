package org.openmilkbank.inventory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.MilkFlows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The released stock a dispenser may take (released, in date, not held): by volume, by how soon it expires, by the
 * energy of its milk; the first-to-expire pick list; and days of supply with the stock and use of each day.
 */
@Service
@Transactional(readOnly = true)
public class StockReport {

    /** A bottle of the stock with what its pool's milk was analysed at ({@code null}: not analysed). */
    public record StockBottle(BottleView bottle, BigDecimal kcalPerDl, EnergyClass energyClass) {}

    /** Milk in one band: how many bottles and how much. */
    public record Band<T>(T band, int bottles, long volumeMl) {}

    public record Released(
            LocalDate today,
            int bottles,
            long volumeMl,
            List<Band<ExpiryBand>> byExpiry,
            List<Band<EnergyClass>> byEnergy,
            long hypocaloricBelowKcalPerL,
            long hypercaloricAboveKcalPerL,
            List<StockBottle> stock) {}

    public record Supply(DaysOfSupply days, LocalDate from, LocalDate to, List<MilkFlows.Day> series) {}

    public record Pick(PickList list, List<StockBottle> bottles) {}

    private final Inventory inventory;
    private final Standards standards;
    private final MilkFlows flows;
    private final JdbcClient jdbc;
    private final Clock clock;

    StockReport(Inventory inventory, Standards standards, MilkFlows flows, JdbcClient jdbc, Clock clock) {
        this.inventory = inventory;
        this.standards = standards;
        this.flows = flows;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Released released() {
        LocalDate today = LocalDate.now(clock);
        StandardProfile profile = standards.activeProfile();
        List<StockBottle> stock = withEnergy(inventory.dispensable(today), profile);
        Map<ExpiryBand, long[]> byExpiry = new EnumMap<>(ExpiryBand.class);
        Map<EnergyClass, long[]> byEnergy = new EnumMap<>(EnergyClass.class);
        for (ExpiryBand b : ExpiryBand.values()) {
            byExpiry.put(b, new long[2]);
        }
        for (EnergyClass c : EnergyClass.values()) {
            byEnergy.put(c, new long[2]);
        }
        long total = 0;
        for (StockBottle s : stock) {
            int ml = s.bottle().volumeMl();
            total += ml;
            add(byExpiry.get(ExpiryBand.of(s.bottle().expiresOn(), today)), ml);
            add(byEnergy.get(s.energyClass()), ml);
        }
        return new Released(
                today,
                stock.size(),
                total,
                bands(byExpiry),
                bands(byEnergy),
                profile.rawQcHypocaloricBelow().orElse(0L),
                profile.rawQcHypercaloricAbove().orElse(0L),
                stock);
    }

    /** The bottles to take for the volume or count asked (exactly one), first to expire first. */
    public Pick pick(Integer volumeMl, Integer count) {
        ZoneId zone = clock.getZone();
        PickList list = PickList.of(inventory.dispensable(LocalDate.now(clock)), volumeMl, count, zone);
        return new Pick(list, withEnergy(list.bottles(), standards.activeProfile()));
    }

    /** Days of supply over the profile's days of use, and each of those days' stock and use. */
    public Supply supply() {
        int useDays = Math.max(1, standards.activeProfile().stockUseDays());
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusDays(useDays - 1L);
        List<MilkFlows.Day> series = flows.bottles(from, today);
        long dispensed = series.stream().mapToLong(MilkFlows.Day::dispensedMl).sum();
        long stockMl = inventory.dispensable(today).stream()
                .mapToLong(BottleView::volumeMl)
                .sum();
        return new Supply(new DaysOfSupply(stockMl, dispensed, useDays), from, today, series);
    }

    /** Each bottle with its pool's energy as the lab publishes it: one query for every pool in the list. */
    private List<StockBottle> withEnergy(List<BottleView> bottles, StandardProfile profile) {
        List<UUID> pools = bottles.stream().map(BottleView::poolId).distinct().toList();
        Map<UUID, BigDecimal> energy = new HashMap<>();
        if (!pools.isEmpty()) {
            jdbc.sql("select pool_id, kcal_per_dl from lab_pool_nutrient_v where pool_id in (:pools)")
                    .param("pools", pools)
                    .query((rs, n) -> energy.put(rs.getObject("pool_id", UUID.class), rs.getBigDecimal("kcal_per_dl")))
                    .list();
        }
        List<StockBottle> out = new ArrayList<>();
        for (BottleView b : bottles) {
            BigDecimal kcal = energy.get(b.poolId());
            out.add(new StockBottle(b, kcal, EnergyClass.of(kcal, profile)));
        }
        return out;
    }

    private static void add(long[] band, int ml) {
        band[0]++;
        band[1] += ml;
    }

    private static <T> List<Band<T>> bands(Map<T, long[]> counted) {
        return counted.entrySet().stream()
                .map(e -> new Band<>(e.getKey(), (int) e.getValue()[0], e.getValue()[1]))
                .toList();
    }
}
