package org.openmilkbank.lab.analyser.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.lab.analyser.ChannelDetails;
import org.openmilkbank.lab.analyser.InstrumentDetails;
import org.openmilkbank.lab.analyser.InstrumentView;
import org.openmilkbank.lab.analyser.Nutrient;
import org.openmilkbank.lab.analyser.ReadingUnit;
import org.openmilkbank.shared.TextLimits;
import org.springframework.web.multipart.MultipartFile;

/** The analyser's form records, each also the API's body where both do the same thing. */
final class AnalyserForms {

    private AnalyserForms() {}

    /** An instrument defined or amended (an amendment gives its reason). */
    record InstrumentForm(
            @Size(max = TextLimits.NAME) String name,
            @Size(max = TextLimits.NAME) String model,
            @Size(max = TextLimits.CODE) String serial,
            @Size(max = TextLimits.CODE) String sampleColumn,
            @Size(max = TextLimits.CODE) String timeColumn,
            @Size(max = TextLimits.CODE) String checkSampleId,
            @Valid @Size(max = 6) List<ChannelDetails> channels,
            @Size(max = TextLimits.REASON) String reason) {

        InstrumentDetails details() {
            return new InstrumentDetails(
                    name,
                    model,
                    serial,
                    sampleColumn,
                    timeColumn,
                    checkSampleId,
                    channels == null ? List.of() : channels);
        }

        /** A blank form with a line per nutrient, uncorrected, in g/dL and kcal/dL. */
        static InstrumentForm blank() {
            return new InstrumentForm(
                    null,
                    null,
                    null,
                    "Sample ID",
                    "Date/Time",
                    "QC",
                    Arrays.stream(Nutrient.values())
                            .map(n -> new ChannelDetails(
                                    n,
                                    null,
                                    n.isEnergy() ? ReadingUnit.KCAL_PER_DL : ReadingUnit.G_PER_DL,
                                    BigDecimal.ONE,
                                    BigDecimal.ZERO,
                                    null,
                                    null))
                            .toList(),
                    null);
        }

        /** The instrument as it is, a line per nutrient (the unreported ones blank), to amend. */
        static InstrumentForm of(InstrumentView instrument) {
            List<ChannelDetails> channels = Arrays.stream(Nutrient.values())
                    .map(n -> instrument.channels().stream()
                            .filter(c -> c.nutrient() == n)
                            .findFirst()
                            .orElse(new ChannelDetails(
                                    n,
                                    null,
                                    n.isEnergy() ? ReadingUnit.KCAL_PER_DL : ReadingUnit.G_PER_DL,
                                    BigDecimal.ONE,
                                    BigDecimal.ZERO,
                                    null,
                                    null)))
                    .toList();
            return new InstrumentForm(
                    instrument.name(),
                    instrument.model(),
                    instrument.serial(),
                    instrument.sampleColumn(),
                    instrument.timeColumn(),
                    instrument.checkSampleId(),
                    channels,
                    null);
        }
    }

    record ReasonForm(@Size(max = TextLimits.REASON) String reason) {}

    /** A file to import with the instrument that wrote it. */
    record ImportForm(UUID instrumentId, MultipartFile file) {}
}
