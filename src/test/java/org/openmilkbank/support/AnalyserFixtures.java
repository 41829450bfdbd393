package org.openmilkbank.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.lab.analyser.AnalyserImports;
import org.openmilkbank.lab.analyser.AnalyserInstruments;
import org.openmilkbank.lab.analyser.ChannelDetails;
import org.openmilkbank.lab.analyser.ImportOutcome;
import org.openmilkbank.lab.analyser.InstrumentDetails;
import org.openmilkbank.lab.analyser.InstrumentView;
import org.openmilkbank.lab.analyser.Nutrient;
import org.openmilkbank.lab.analyser.ReadingUnit;
import org.openmilkbank.shared.Role;
import org.springframework.context.ApplicationContext;

/** A milk analyser defined by a technician and one file of a unit and the check sample imported through it. */
public final class AnalyserFixtures {

    public record Made(UUID instrumentId, UUID importId) {}

    private AnalyserFixtures() {}

    /** Column headers that are not words of any page, so pages in other languages show only data. */
    public static Made importedFile(ApplicationContext context, String unitCode) {
        return importedFile(context, unitCode, "290", "1.05");
    }

    /** As {@link #importedFile(ApplicationContext, String)}, the unit read at these kJ/dL and g/dL of true protein. */
    public static Made importedFile(ApplicationContext context, String unitCode, String kilojoules, String protein) {
        AnalyserInstruments instruments = context.getBean(AnalyserInstruments.class);
        AnalyserImports imports = context.getBean(AnalyserImports.class);
        LocalDateTime at = LocalDateTime.now(context.getBean(Clock.class)).minusMinutes(5);
        String time = at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String earlier = at.minusMinutes(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        if (!at.minusMinutes(1).toLocalDate().equals(at.toLocalDate())) {
            earlier = time;
        }
        String csv = "SampleNo,Stamp,FAT_G100,TP_GDL,kJ\r\n"
                + "QC-1," + earlier + ",4.00,1.0,280\r\n"
                + unitCode + "," + time + ",4.00," + protein + "," + kilojoules + "\r\n";
        InstrumentView[] instrument = new InstrumentView[1];
        ImportOutcome[] outcome = new ImportOutcome[1];
        Staff.as("analyser-tech-" + UUID.randomUUID().toString().substring(0, 8), Role.LAB_TECHNICIAN, () -> {
            instrument[0] = instruments.define(new InstrumentDetails(
                    "HMA-" + UUID.randomUUID().toString().substring(0, 6),
                    "HMA 2",
                    "SN-77",
                    "SampleNo",
                    "Stamp",
                    "QC-1",
                    List.of(
                            new ChannelDetails(
                                    Nutrient.FAT,
                                    "FAT_G100",
                                    ReadingUnit.G_PER_100ML,
                                    new BigDecimal("0.79"),
                                    new BigDecimal("0.28"),
                                    new BigDecimal("3.0"),
                                    new BigDecimal("4.0")),
                            new ChannelDetails(
                                    Nutrient.TRUE_PROTEIN,
                                    "TP_GDL",
                                    ReadingUnit.G_PER_DL,
                                    BigDecimal.ONE,
                                    BigDecimal.ZERO,
                                    null,
                                    null),
                            new ChannelDetails(
                                    Nutrient.ENERGY,
                                    "kJ",
                                    ReadingUnit.KJ_PER_DL,
                                    BigDecimal.ONE,
                                    BigDecimal.ZERO,
                                    null,
                                    null))));
            outcome[0] = imports.importFile(instrument[0].id(), "hma-2026.csv", csv.getBytes(StandardCharsets.UTF_8));
        });
        return new Made(instrument[0].id(), outcome[0].importId());
    }
}
